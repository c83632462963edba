export { handoffDonePage, handoffExpiredPage, returnPage, RETURN_CHANNEL, RETURN_MESSAGE_TYPE } from './pages.js';
export type { ReturnPageOptions } from './pages.js';
export { PAGE_TEXTS, pageLanguage, type PageLanguage, type PageTexts } from './texts.js';
