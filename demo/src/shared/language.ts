// The language switcher's choices and memory. The choice is kept in sessionStorage because the return from
// the hosted page drops the RedirectURL's query string.

/** The element's bundled languages, as BCP 47 tags for its `lang` attribute. */
export const LANGUAGES = [
  { tag: 'en', label: 'English' },
  { tag: 'zh-CN', label: '简体中文' },
  { tag: 'zh-TW', label: '繁體中文' },
  { tag: 'th', label: 'ไทย' },
  { tag: 'id', label: 'Bahasa Indonesia' },
] as const;

export type LanguageTag = (typeof LANGUAGES)[number]['tag'];

const STORAGE_KEY = 'faceid-demo:lang';

function isLanguageTag(value: string | null): value is LanguageTag {
  return LANGUAGES.some((language) => language.tag === value);
}

/** The language chosen earlier in this tab, else English. */
export function readLanguage(): LanguageTag {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return isLanguageTag(stored) ? stored : 'en';
}

/** Remembers the choice for this tab; ignores anything that is not a bundled language. */
export function saveLanguage(tag: string): LanguageTag {
  const language = isLanguageTag(tag) ? tag : 'en';
  sessionStorage.setItem(STORAGE_KEY, language);
  return language;
}
