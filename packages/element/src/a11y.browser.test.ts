import axe from 'axe-core';
import { describe, expect, test } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { FACEID_STATES } from './states.js';
import { mount, part, REACH_STATE, stack, untilState } from '../test/helpers.js';

async function axeViolations(element: Element) {
  const { violations } = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return violations.map((violation) => `${violation.id}: ${violation.help}`);
}

describe('accessibility', () => {
  test.each(FACEID_STATES)('axe-core finds no WCAG 2.2 AA violation in %s', async (state) => {
    const element = await REACH_STATE[state]();
    expect(element.state).toBe(state);
    expect(await axeViolations(element)).toEqual([]);
  });

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
