import { describe, expect, test } from 'vitest';
import {
  handoffDonePage,
  handoffExpiredPage,
  PAGE_TEXTS,
  pageLanguage,
  returnPage,
  type PageLanguage,
} from './index.js';

const LANGUAGES = Object.keys(PAGE_TEXTS) as PageLanguage[];
const ORIGINS = ['https://shop.example', 'http://127.0.0.1:5173'];

/** The page's text, its CSP and the nonce the CSP allows. */
async function read(response: Response) {
  const html = await response.text();
  const csp = response.headers.get('content-security-policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  return { html, csp, nonce };
}

describe('the proxy pages share one strict shape', () => {
  const pages = {
    returnPage: () => returnPage({ openerOrigins: ORIGINS }),
    handoffDonePage: () => handoffDonePage(),
    handoffExpiredPage: () => handoffExpiredPage(),
  };

  test.each(Object.entries(pages))(
    '%s: text/html, no-store, no Referer, strict CSP, no external asset',
    async (_, make) => {
      const response = make();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const { html, csp, nonce } = await read(response);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(html).not.toMatch(/\s(src|href)=/); // nothing loaded from anywhere
      for (const [, attribute] of html.matchAll(/<(?:script|style)([^>]*)>/g)) {
        expect(attribute).toBe(` nonce="${nonce}"`); // every inline script and style carries this response's nonce
      }
    },
  );

  test('a fresh nonce per response', async () => {
    const first = await read(returnPage({ openerOrigins: ORIGINS }));
    const second = await read(returnPage({ openerOrigins: ORIGINS }));
    expect(first.nonce).not.toBe(second.nonce);
  });
});

describe('returnPage (tab mode RedirectURL)', () => {
  test('posts {type: "faceid-return", bizToken} on the BroadcastChannel and to each allowed origin, then closes', async () => {
    const { html, csp, nonce } = await read(returnPage({ openerOrigins: ORIGINS }));
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(html).toContain("new BroadcastChannel('faceid-verify')");
    expect(html).toContain("type:'faceid-return'");
    expect(html).toContain(`for(const o of ${JSON.stringify(ORIGINS)})`);
    expect(html).toContain('window.opener.postMessage(m,o)'); // a fixed target origin per call, never '*'
    expect(html).not.toContain("'*'");
    expect(html).toContain('window.close()');
    expect(html).toContain('<h1>You can close this tab</h1>');
  });

  test('an origin cannot close the script element: `<` is escaped inside the JSON', async () => {
    const { html } = await read(returnPage({ openerOrigins: ['https://a.example</script><script>alert(1)'] }));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script>');
  });
});

describe('the handoff pages (the phone)', () => {
  test('done: "Done — return to your computer", no script at all, no result', async () => {
    const { html, csp } = await read(handoffDonePage());
    expect(csp).toContain("script-src 'none'");
    expect(html).not.toContain('<script');
    expect(html).toContain('<h1>Done — return to your computer</h1>');
    expect(html).not.toMatch(/verified|failed|passed|similarity/i);
  });

  test('expired: 410 "This link has expired" and how to get a new one', async () => {
    const response = handoffExpiredPage();
    expect(response.status).toBe(410);
    const { html } = await read(response);
    expect(html).toContain('<h1>This link has expired</h1>');
    expect(html).toContain('new QR code');
  });
});

describe('five languages', () => {
  test.each(LANGUAGES)('%s: every page in its language, with its <html lang>', async (language) => {
    const texts = PAGE_TEXTS[language];
    const pages = [
      [returnPage({ openerOrigins: ORIGINS, language }), texts.returnTitle],
      [handoffDonePage(language), texts.doneTitle],
      [handoffExpiredPage(language), texts.expiredTitle],
    ] as const;
    for (const [response, title] of pages) {
      const { html } = await read(response);
      expect(html).toContain(`<html lang="${texts.htmlLang}">`);
      expect(html).toContain(`<title>${title}</title>`);
    }
  });

  test('every language has every text, each its own', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(PAGE_TEXTS[language]).sort()).toEqual(Object.keys(PAGE_TEXTS.en).sort());
      if (language !== 'en') expect(PAGE_TEXTS[language].doneTitle).not.toBe(PAGE_TEXTS.en.doneTitle);
    }
  });

  test.each([
    ['th', 'th'],
    ['ZH-TC', 'zh-tc'],
    ['fr', 'en'],
    [null, 'en'],
    ['constructor', 'en'],
  ])('pageLanguage(%s) → %s', (value, language) => {
    expect(pageLanguage(value)).toBe(language);
  });
});
