import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { FaceIdVerifyElement } from './faceid-verify.js';
import { FACEID_STATES } from './states.js';
import { mount, part, REACH_STATE, stack, startHandoff, untilState } from '../test/helpers.js';

async function axeViolations(element: Element) {
  const { violations } = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return violations.map((violation) => `${violation.id}: ${violation.help}`);
}

/** The tab and handoff modes' own views, reached with real requests (handoff: the contract server). */
const MODE_VIEWS: Record<string, () => Promise<FaceIdVerifyElement>> = {
  'handoff, waiting for the phone (QR code, link, copy)': async () => (await startHandoff()).element,
  'handoff, failed ("Continue on your phone")': async () => {
    const { element, bizToken } = await startHandoff();
    await commands.contractVerdict(bizToken, 'fail-liveness');
    await untilState(element, ['failed']);
    await element.updateComplete;
    return element;
  },
  'tab, waiting for the other tab': async () => {
    const element = await mount({ proxy: stack.contractProxyUrl, before: (el) => (el.mode = 'tab') });
    element.addEventListener('faceid-redirect', (event) => event.preventDefault()); // no window left open
    await userEvent.click(part(element, 'button')!);
    await untilState(element, ['redirecting']);
    await element.updateComplete;
    return element;
  },
};

/** Light, and dark as a page that supports it shows it: `color-scheme: light dark`, the user preferring dark. */
const SCHEMES = ['light', 'dark'] as const;

async function useScheme(scheme: (typeof SCHEMES)[number]): Promise<void> {
  document.documentElement.style.colorScheme = scheme === 'dark' ? 'light dark' : '';
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  await commands.emulateColorScheme(scheme);
}

afterEach(() => useScheme('light'));

describe('accessibility', () => {
  for (const scheme of SCHEMES) {
    test.each(FACEID_STATES)(`${scheme}: axe-core finds no WCAG 2.2 AA violation in %s`, async (state) => {
      await useScheme(scheme);
      const element = await REACH_STATE[state]();
      expect(element.state).toBe(state);
      expect(await axeViolations(element)).toEqual([]);
    });

    test.each(Object.keys(MODE_VIEWS))(`${scheme}: axe-core finds no WCAG 2.2 AA violation in %s`, async (view) => {
      await useScheme(scheme);
      const element = await MODE_VIEWS[view]!();
      expect(await axeViolations(element)).toEqual([]);
    });
  }

  test('the status is a polite live region present from the start; the controls are native buttons', async () => {
    const element = await mount();
    const status = part(element, 'status');
    expect(status?.getAttribute('role')).toBe('status');
    expect(part(element, 'button')?.tagName).toBe('BUTTON');
    expect(part(element, 'button')?.getAttribute('type')).toBe('button');
  });

  test('keyboard only: Tab reaches "Verify identity" and Enter starts', async () => {
    const element = await mount({ before: (el) => el.addEventListener('faceid-redirect', (e) => e.preventDefault()) });
    await userEvent.tab();
    expect(element.shadowRoot!.activeElement).toBe(part(element, 'button'));
    expect(getComputedStyle(part(element, 'button')!).outlineStyle).toBe('solid'); // visible focus
    await userEvent.keyboard('{Enter}');
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
  });

  test('keyboard only: after an error, Tab and Space on "Try again" retry', async () => {
    const element = await REACH_STATE.error(); // a timeout against a proxy that never answers
    element.addEventListener('faceid-redirect', (event) => event.preventDefault());
    element.proxy = stack.mainProxyUrl; // … which is reachable by the time the user retries
    element.timeoutMs = 15_000;
    await userEvent.tab();
    expect(element.shadowRoot!.activeElement).toBe(part(element, 'retry'));
    await userEvent.keyboard(' ');
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
  });

  test('prefers-reduced-motion: the spinner turns by default and stands still when reduced', async () => {
    try {
      await commands.emulateReducedMotion(false);
      const moving = part(await REACH_STATE.starting(), 'spinner')!;
      expect(getComputedStyle(moving).animationName).toBe('spin');
      await commands.emulateReducedMotion(true);
      expect(getComputedStyle(moving).animationName).toBe('none');
    } finally {
      await commands.emulateReducedMotion(false);
    }
  });
});
