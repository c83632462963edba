import type { Language } from '@faceid-verify/proxy/contract';
import type { Locale } from './types.js';

/** The hosted page's `Config.Language` values (faceid-api.md §3.1), one per Locale. */
export type HostedPageLanguage = Language;
type LanguageOf<L extends Locale> = L extends 'zh-TW' ? 'zh-tc' : Lowercase<L>;

/**
 * The bundled Locale for a BCP 47 tag, leniently: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant…` → zh-TW; other `zh…`
 * → zh-CN; `th…` → th; `id…` (and the old `in`) → id; anything else, or nothing, → en.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const lower = (tag ?? '').toLowerCase().replace(/_/g, '-');
  if (/^zh\b/.test(lower)) return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (/^th\b/.test(lower)) return 'th';
  return /^(id|in)\b/.test(lower) ? 'id' : 'en';
}

/** en → en, zh-CN → zh-cn, zh-TW → zh-tc (traditional), th → th, id → id. */
export function hostedPageLanguage(locale: Locale): HostedPageLanguage {
  // Typed as what each locale becomes, so a language the proxy's contract drops fails to compile here.
  return (locale === 'zh-TW' ? 'zh-tc' : locale.toLowerCase()) as LanguageOf<Locale>;
}
