import { en } from './en.js';
import { id } from './id.js';
import { th } from './th.js';
import type { Locale, Messages } from './types.js';
import { zhCN } from './zh-cn.js';
import { zhTW } from './zh-tw.js';

export type { ErrorCategory, Locale, Messages, ReasonCategory } from './types.js';
export { errorCategoryFor, reasonFor } from './categories.js';
export { hostedPageLanguage, resolveLocale, type HostedPageLanguage } from './locale.js';

/**
 * Every bundled language. Adding a Locale without its Messages, or a Messages without a key, fails to compile.
 * The element itself loads the non-English tables lazily (load.ts); this table is for pages and tests.
 */
export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, th, id };
