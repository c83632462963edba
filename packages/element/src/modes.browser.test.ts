// The `mode` attribute: parsing, switching between runs, `auto` on this (desktop) browser, and the handoff chunk
// loaded only in handoff mode.
import { describe, expect, test } from 'vitest';
import { autoMode, parseMode } from './modes.js';
import { mount, part, stack, startHandoff, startWithoutLeaving, untilState } from '../test/helpers.js';

const handoffChunkLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('handoff-view'));

describe('the mode attribute', () => {
  test.each([
    ['redirect', 'redirect'],
    ['tab', 'tab'],
    ['HANDOFF', 'handoff'],
    ['auto', 'auto'],
    ['popup', 'redirect'],
    ['', 'redirect'],
    [null, 'redirect'],
  ])('%s → %s (lenient)', (value, mode) => {
    expect(parseMode(value)).toBe(mode);
  });

  test('redirect is the default, and never loads the handoff chunk', async () => {
    const element = await mount();
    expect(element.mode).toBe('redirect');
    const { verificationUrl } = await startWithoutLeaving(element);
    expect(verificationUrl).toContain('/verify?token=');
    expect(part(element, 'qr')).toBeNull();
    expect(handoffChunkLoaded()).toBe(false);
  });

  test('switching modes between runs: handoff, then redirect on the same element', async () => {
    const { element } = await startHandoff();
    expect(handoffChunkLoaded()).toBe(true);
    element.reset();
    element.setAttribute('mode', 'redirect');
    element.proxy = stack.mainProxyUrl;
    const redirect = await startWithoutLeaving(element);
    expect(redirect.verificationUrl).toContain('/verify?token=');
    await element.updateComplete;
    expect(part(element, 'qr')).toBeNull();
    expect(part(element, 'message')?.textContent).toBe('Opening verification…');
  });

  test('a mode set as a property before connecting is used by the next start', async () => {
    const element = await mount({ proxy: stack.contractProxyUrl, before: (el) => (el.mode = 'handoff') });
    void element.start();
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
    await element.updateComplete;
    expect(part(element, 'message')?.textContent).toBe('Waiting for your phone…');
  });
});

describe('auto', () => {
  test('on a desktop pointer (this browser: pointer fine) auto is handoff', async () => {
    expect(matchMedia('(pointer: fine)').matches).toBe(true);
    expect(await autoMode()).toBe('handoff');
    const element = await mount({ proxy: stack.contractProxyUrl, before: (el) => el.setAttribute('mode', 'auto') });
    const started = new Promise<string | undefined>((resolve) =>
      element.addEventListener('faceid-start', (event) => resolve(event.detail.handoffUrl), { once: true }),
    );
    void element.start();
    expect(await started).toMatch(/\/web\/handoff\//);
  });
});
