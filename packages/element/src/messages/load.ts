import { en } from './en.js';
import type { Locale, Messages } from './types.js';

// English ships in the element; the other tables are chunks of their own, fetched once when an element first
// renders in that language, so a page pays only for the languages it shows. One loader per bundled Locale.
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-cn.js').then((module) => module.zhCN),
  'zh-TW': () => import('./zh-tw.js').then((module) => module.zhTW),
  th: () => import('./th.js').then((module) => module.th),
  id: () => import('./id.js').then((module) => module.id),
};

const loaded: Partial<Record<Locale, Messages | Promise<Messages>>> = { en };

/** The table for `locale` once loadMessages(locale) resolved; English until then. */
export function messagesFor(locale: Locale): Messages {
  const table = loaded[locale];
  return table && !(table instanceof Promise) ? table : en;
}

/**
 * Loads the table for `locale` (at most once): null when it is already there (always for English), else a promise
 * that resolves once it is. Never rejects: a chunk that fails to load (offline, a broken deployment) leaves the
 * element in English rather than blank.
 */
export function loadMessages(locale: Locale): Promise<unknown> | null {
  const table = (loaded[locale] ??= LOADERS[locale as Exclude<Locale, 'en'>]().catch(() => en));
  return table instanceof Promise ? table.then((messages) => (loaded[locale] = messages)) : null;
}
