/**
 * The pages the proxy serves as RedirectURL in the element's tab and handoff modes, and for an expired handoff
 * link. Pure functions returning a Web `Response` (Web APIs only), wired into the routes by the app:
 * - `GET {proxy}/web/return?token=…` → returnPage: tab mode. Tells the opening page that the hosted page is done
 *   (BroadcastChannel `faceid-verify` for a same-origin proxy; `opener.postMessage` to each allowed origin, one
 *   fixed target origin per call) with `{type: "faceid-return", bizToken}`, then closes, or says "You can close
 *   this tab". The opening page then reads the result with its own binding; the message grants nothing.
 * - `GET {proxy}/web/handoff/done?token=…` → handoffDonePage: the phone's RedirectURL. Shows NO result.
 * - `GET {proxy}/web/handoff/{bizToken}` once the BizToken no longer lives → handoffExpiredPage (410).
 */
import { htmlPage } from './page.js';
import { PAGE_TEXTS, type PageLanguage } from './texts.js';

/** BroadcastChannel name and message type the element listens for (packages/element/src/tab-return.ts). */
export const RETURN_CHANNEL = 'faceid-verify';
export const RETURN_MESSAGE_TYPE = 'faceid-return';

export interface ReturnPageOptions {
  /** The browser origins allowed to embed the element (the proxy's `allowedOrigins`): the only postMessage targets. */
  openerOrigins: readonly string[];
  language?: PageLanguage;
}

/** The tab-mode return page. Its script reads `?token=` itself, removes it from the address bar, tells, closes. */
export function returnPage({ openerOrigins, language = 'en' }: ReturnPageOptions): Response {
  const texts = PAGE_TEXTS[language];
  // JSON in a script: `<` escaped so that no value can close the element.
  const origins = JSON.stringify(openerOrigins).replace(/</g, '\\u003c');
  const script =
    `(()=>{const t=new URLSearchParams(location.search).get('token');history.replaceState(null,'',location.pathname);` +
    `if(t){const m={type:'${RETURN_MESSAGE_TYPE}',bizToken:t};` +
    `try{const c=new BroadcastChannel('${RETURN_CHANNEL}');c.postMessage(m);c.close()}catch{}` +
    `for(const o of ${origins})try{window.opener&&window.opener.postMessage(m,o)}catch{}}` +
    `window.close()})()`;
  return htmlPage({ texts, title: texts.returnTitle, text: texts.returnText, script });
}

/** The phone's page after the hosted flow in handoff mode: "Done — return to your computer"; no result, no script. */
export function handoffDonePage(language: PageLanguage = 'en'): Response {
  const texts = PAGE_TEXTS[language];
  return htmlPage({ texts, title: texts.doneTitle, text: texts.doneText });
}

/** A handoff link whose BizToken no longer lives: 410 "This link has expired", and how to get a new one. */
export function handoffExpiredPage(language: PageLanguage = 'en'): Response {
  const texts = PAGE_TEXTS[language];
  return htmlPage({ texts, title: texts.expiredTitle, text: texts.expiredText, status: 410 });
}
