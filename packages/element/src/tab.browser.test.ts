// Tab mode in real Chromium against the contract server (test/contract-server.ts): a real window opened in the
// click, the hosted page in it, the proxy's return page telling this page, and the result read with the binding.
import { afterEach, describe, expect, test } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { mount, part, requestsTo, stack, untilState } from '../test/helpers.js';

interface OpenCall {
  /** `navigator.userActivation.isActive` when window.open was called: the click's transient activation. */
  activated: boolean;
  /** Session requests made before the call: 0 means it came before anything asynchronous. */
  sessionsBefore: number;
  popup: Window | null;
}

const realOpen = window.open;
afterEach(() => {
  window.open = realOpen;
});

/** Records every window.open call (and still opens the real window). */
function recordOpens(): OpenCall[] {
  const calls: OpenCall[] = [];
  const sessions = requestsTo('/web/sessions');
  window.open = (...args) => {
    // Read before opening: opening a window consumes the activation.
    const activated = navigator.userActivation.isActive;
    const sessionsBefore = requestsTo('/web/sessions') - sessions;
    const popup = realOpen.apply(window, args);
    calls.push({ activated, sessionsBefore, popup });
    return popup;
  };
  return calls;
}

async function mountTab() {
  const element = await mount({ proxy: stack.contractProxyUrl });
  element.setAttribute('mode', 'tab');
  await element.updateComplete;
  return element;
}

describe('tab mode', () => {
  test('the click opens the window synchronously, with the user activation, before the session request', async () => {
    const element = await mountTab();
    const opens = recordOpens();
    const started = new Promise<string>((resolve) =>
      element.addEventListener('faceid-start', (event) => resolve(event.detail.bizToken), { once: true }),
    );
    await userEvent.click(part(element, 'button')!);
    expect(opens).toHaveLength(1);
    expect(opens[0]).toMatchObject({ activated: true, sessionsBefore: 0 });
    expect(opens[0]?.popup).not.toBeNull();
    await started;
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
    await element.updateComplete;
    expect(part(element, 'message')?.textContent).toBe('Finish the verification in the new tab…');
    element.reset(); // closes nothing by itself: the test closes its window
    opens[0]?.popup?.close();
  });

  test('a reset while the tab chunk loads ends the run: closing the window later reads nothing', async () => {
    const element = await mountTab();
    const opens = recordOpens();
    // The listener runs inside start(); its microtask runs while start() awaits import('./tab-return.js').
    const reset = new Promise<void>((resolve) =>
      element.addEventListener('faceid-redirect', () => queueMicrotask(() => (element.reset(), resolve())), {
        once: true,
      }),
    );
    const results = requestsTo('/web/results');
    await userEvent.click(part(element, 'button')!);
    await reset;
    opens[0]?.popup?.close();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past the 1 s closed-window poll
    expect(requestsTo('/web/results') - results).toBe(0);
    expect(element.state).toBe('idle');
  });

  test('Pass in the opened window: the return page tells this page, which reads the result and shows it', async () => {
    const element = await mountTab();
    const opens = recordOpens();
    const started = new Promise<string>((resolve) =>
      element.addEventListener('faceid-start', (event) => resolve(event.detail.bizToken), { once: true }),
    );
    const results = requestsTo('/web/results');
    await userEvent.click(part(element, 'button')!);
    const bizToken = await started;
    await commands.clickInPopup(bizToken, 'Pass'); // the hosted page in the real window → the proxy's return page
    expect(await untilState(element, ['passed', 'failed', 'incomplete', 'error'])).toBe('passed');
    await element.updateComplete;
    expect(part(element, 'heading')?.textContent).toBe('Identity verified');
    expect(requestsTo('/web/results') - results).toBe(1); // read once, with the binding
    expect(opens[0]?.popup?.closed).toBe(true); // the return page closed its tab
  });

  test('Fail liveness in the opened window: "Verification failed", next action "Try again"', async () => {
    const element = await mountTab();
    recordOpens();
    const started = new Promise<string>((resolve) =>
      element.addEventListener('faceid-start', (event) => resolve(event.detail.bizToken), { once: true }),
    );
    await userEvent.click(part(element, 'button')!);
    await commands.clickInPopup(await started, 'Fail liveness');
    expect(await untilState(element, ['passed', 'failed', 'incomplete', 'error'])).toBe('failed');
    await element.updateComplete;
    expect(part(element, 'button')?.textContent).toBe('Try again');
  });

  test('the user closes the window without finishing: the result is read, "Verification not completed"', async () => {
    const element = await mountTab();
    const opens = recordOpens();
    await userEvent.click(part(element, 'button')!);
    await untilState(element, ['redirecting', 'error']);
    opens[0]?.popup?.close();
    expect(await untilState(element, ['passed', 'failed', 'incomplete', 'error'])).toBe('incomplete');
  });

  test('a failed session request closes the window it opened', async () => {
    const element = await mount({ proxy: `${stack.contractProxyUrl}/nowhere` });
    element.mode = 'tab';
    const opens = recordOpens();
    await userEvent.click(part(element, 'button')!);
    expect(await untilState(element, ['redirecting', 'error'])).toBe('error');
    expect(opens[0]?.popup?.closed).toBe(true);
  });
});
