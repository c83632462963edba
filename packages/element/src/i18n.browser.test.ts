import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FACEID_STATES, type FaceIdState } from './states.js';
import { MESSAGES, type Locale } from './messages/index.js';
import { mount, part, REACH_STATE, startWithoutLeaving } from '../test/helpers.js';

/** Every string in a Messages object, nested ones included. */
function texts(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(texts);
}

const LOCALES = Object.keys(MESSAGES) as Locale[];

// What each state must show as its main text (heading, or the progress message while busy).
const MAIN_TEXT: Record<FaceIdState, (locale: Locale) => [part: string, text: string | null]> = {
  idle: (locale) => ['button', MESSAGES[locale].start],
  starting: (locale) => ['message', MESSAGES[locale].starting],
  redirecting: (locale) => ['message', MESSAGES[locale].starting],
  checking: (locale) => ['message', MESSAGES[locale].checking],
  passed: (locale) => ['heading', MESSAGES[locale].passed],
  failed: (locale) => ['heading', MESSAGES[locale].failed],
  incomplete: (locale) => ['heading', MESSAGES[locale].incomplete],
  expired: (locale) => ['heading', MESSAGES[locale].expired],
  error: (locale) => ['heading', MESSAGES[locale].error],
};

describe('every language renders every state from its own table', () => {
  for (const locale of LOCALES) {
    test.each(FACEID_STATES)(`${locale}: %s`, async (state) => {
      const element = await REACH_STATE[state]({ lang: locale });
      expect(element.state).toBe(state);
      const [mainPart, mainText] = MAIN_TEXT[state](locale);
      expect(part(element, mainPart)?.textContent).toBe(mainText);

      const own = new Set(texts(MESSAGES[locale]));
      const shown = ['heading', 'message', 'button', 'retry']
        .map((name) => part(element, name)?.textContent)
        .filter((text): text is string => text != null);
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/undefined|null|\[object/);
        expect(own.has(text), `"${text}" is not a ${locale} text`).toBe(true);
      }
    });
  }
});

describe('language resolution', () => {
  test('the nearest [lang] ancestor decides when the element has none, across shadow roots', async () => {
    const host = document.createElement('div');
    host.lang = 'zh-HK';
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'open' });
    const element = document.createElement('faceid-verify');
    element.setAttribute('proxy', '/faceid');
    inner.append(element);
    await element.updateComplete;
    expect(part(element, 'button')?.textContent).toBe(MESSAGES['zh-TW'].start);
    element.setAttribute('lang', 'th');
    await element.updateComplete;
    expect(part(element, 'button')?.textContent).toBe(MESSAGES.th.start);
    host.remove();
  });

  test.each([
    ['en', 'en'],
    ['zh-CN', 'zh-cn'],
    ['zh-TW', 'zh-tc'],
    ['th', 'th'],
    ['id', 'id'],
  ])('lang="%s" sends language %s to the proxy, and the hosted page opens in it', async (lang, hosted) => {
    const element = await mount({ lang });
    const { verificationUrl } = await startWithoutLeaving(element);
    expect(await commands.hostedPageLanguage(verificationUrl)).toBe(hosted);
  });
});
