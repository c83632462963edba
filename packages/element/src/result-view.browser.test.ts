// The result view: per settled state an inline SVG icon in the heading, the heading, the localised reason and the
// next action; light and dark colours.
import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { part, REACH_STATE } from '../test/helpers.js';

const VIEWS = {
  passed: { heading: 'Identity verified', action: null },
  failed: { heading: 'Verification failed', action: ['button', 'Try again'] },
  incomplete: { heading: 'Verification not completed', action: ['button', 'Try again'] },
  expired: { heading: 'Verification session expired', action: ['button', 'Start over'] },
  error: { heading: 'Something went wrong', action: ['retry', 'Try again'] },
} as const;

afterEach(async () => {
  document.documentElement.style.colorScheme = '';
  await commands.emulateColorScheme('light');
});

describe('every settled state: icon, heading, reason, next action', () => {
  test.each(Object.entries(VIEWS))('%s', async (state, { heading, action }) => {
    const element = await REACH_STATE[state as keyof typeof VIEWS]();
    expect(element.state).toBe(state);
    const title = part(element, 'heading')!;
    expect(title.textContent).toBe(heading);
    const icon = part(element, 'icon')!;
    expect(icon.parentElement).toBe(title);
    expect(icon.tagName.toLowerCase()).toBe('svg');
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(icon.querySelector('path')?.getAttribute('d')).toMatch(/^M12 2a10/);
    expect(icon.getBoundingClientRect().width).toBeGreaterThan(10);
    expect(getComputedStyle(icon).stroke).toBe(getComputedStyle(title).color); // drawn in the heading's colour
    if (action) {
      const [name, label] = action;
      expect(part(element, name)?.textContent).toBe(label);
    } else {
      expect(element.shadowRoot!.querySelector('button')).toBeNull();
    }
  });

  test('each state has its own icon', async () => {
    const shapes = new Set<string | null | undefined>();
    for (const state of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) {
      const element = await REACH_STATE[state]();
      shapes.add(part(element, 'icon')?.querySelector('path')?.getAttribute('d'));
      element.remove();
    }
    expect(shapes.size).toBe(Object.keys(VIEWS).length);
  });

  test('the failed state says why: the localised reason under the heading', async () => {
    const element = await REACH_STATE.failed();
    expect(part(element, 'message')?.textContent).toBe(
      'We could not confirm a live person. Face the camera in good light.',
    );
  });
});

describe('prefers-color-scheme', () => {
  const green = async () => getComputedStyle(part(await REACH_STATE.passed(), 'heading')!).color;

  test('a page that allows dark (color-scheme: light dark) gets the dark colours when the user prefers dark', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await commands.emulateColorScheme('dark');
    expect(await green()).toBe('rgb(74, 222, 128)');
    await commands.emulateColorScheme('light');
    expect(await green()).toBe('rgb(22, 101, 52)');
  });

  test('a page that stays light keeps the light colours whatever the preference', async () => {
    await commands.emulateColorScheme('dark');
    expect(await green()).toBe('rgb(22, 101, 52)');
  });

  test('custom properties still win in dark', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await commands.emulateColorScheme('dark');
    const element = await REACH_STATE.passed();
    element.style.setProperty('--faceid-success-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(part(element, 'heading')!).color).toBe('rgb(1, 2, 3)');
  });
});
