import { describe, expect, test, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { loadFlow } from './flow-store.js';
import {
  arriveWithToken,
  mount,
  recordEvents,
  requestsTo,
  stack,
  startWithoutLeaving,
  untilState,
} from '../test/helpers.js';

describe('start(): POST /web/sessions, store, redirect', () => {
  test('fires statechange, start and a cancelable redirect in order, and stays on the page when cancelled', async () => {
    const element = await mount();
    expect(element.getAttribute('state')).toBe('idle');
    const events = recordEvents(element);
    const pageBefore = location.href;

    const redirect = await startWithoutLeaving(element);

    expect(events.map((event) => [event.type, event.type === 'faceid-statechange' ? event.detail : undefined])).toEqual(
      [
        ['faceid-statechange', { state: 'starting', previous: 'idle' }],
        ['faceid-start', undefined],
        ['faceid-statechange', { state: 'redirecting', previous: 'starting' }],
        ['faceid-redirect', undefined],
      ],
    );
    for (const event of events) expect([event.bubbles, event.composed]).toEqual([true, true]);
    const [start, redirectEvent] = [events[1]!, events[3]!];
    expect(redirectEvent.cancelable).toBe(true);
    expect(redirectEvent.defaultPrevented).toBe(true);
    expect(start.cancelable).toBe(false);
    expect(start.detail).toMatchObject({ bizToken: redirect.bizToken, verificationUrl: redirect.verificationUrl });
    expect(redirect.verificationUrl).toBe(`${stack.mainSimulatorUrl}/verify?token=${redirect.bizToken}`);
    expect(location.href).toBe(pageBefore);
    expect(element.state).toBe('redirecting');
    expect(element.getAttribute('state')).toBe('redirecting');
  });

  test('remembers {bizToken, binding, proxy, createdAt} in sessionStorage and, for in-app browsers, localStorage', async () => {
    const element = await mount();
    const { bizToken } = await startWithoutLeaving(element);
    const flow = loadFlow(bizToken);
    expect(flow).toMatchObject({ bizToken, proxy: stack.mainProxyUrl });
    expect(flow?.binding).toEqual(expect.any(String));
    sessionStorage.removeItem(`faceid-verify:flow:${bizToken}`);
    expect(loadFlow(bizToken)).toEqual(flow);
  });

  test('a newer start() aborts the older one: one session reaches the page, the stored flow is the newer', async () => {
    const element = await mount();
    const events = recordEvents(element);
    element.addEventListener('faceid-redirect', (event) => event.preventDefault());

    const older = element.start();
    const newer = element.start();
    await Promise.all([older, newer]);

    const starts = events.filter((event) => event.type === 'faceid-start');
    expect(starts).toHaveLength(1);
    expect(events.filter((event) => event.type === 'faceid-redirect')).toHaveLength(1);
    expect(element.state).toBe('redirecting');
    const { bizToken } = (starts[0] as CustomEvent<{ bizToken: string }>).detail;
    expect(loadFlow(bizToken)).not.toBeNull();
  });

  test('reset() during a start aborts it: back to idle, no session event', async () => {
    const element = await mount();
    const events = recordEvents(element);
    const started = element.start();
    element.reset();
    await started;
    expect(element.state).toBe('idle');
    expect(events.map((event) => event.type)).toEqual(['faceid-statechange', 'faceid-statechange']);
  });

  test('disconnecting aborts the run in flight; nothing fires afterwards', async () => {
    const element = await mount();
    const started = element.start();
    element.remove();
    const events = recordEvents(element);
    await started;
    expect(element.state).toBe('idle');
    expect(events.map((event) => event.type)).not.toContain('faceid-start');
  });

  test('auto-start starts on connect', async () => {
    const element = await mount({
      before: (el) => {
        el.autoStart = true;
        el.addEventListener('faceid-redirect', (event) => event.preventDefault());
      },
    });
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
  });

  test('without a proxy it waits idle; start() then is an error state with one console warning naming it', async () => {
    const messages: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => messages.push(args.join(' '));
    try {
      const element = await mount({ proxy: null });
      expect(element.state).toBe('idle');
      expect(messages).toEqual([]);
      await element.start();
      expect(element.state).toBe('error');
      expect(element.error).toMatchObject({ code: 'missing_proxy', retryable: false });
      expect(messages).toHaveLength(1);
      expect(String(messages[0])).toContain('missing_proxy');
      expect(String(messages[0])).toContain('"proxy" attribute');
    } finally {
      console.warn = original;
    }
  });

  test('disconnecting during the wait between result reads clears its timer: nothing is left behind', async () => {
    const starter = await mount();
    const { bizToken } = await startWithoutLeaving(starter);
    starter.remove();
    await commands.simulatorOutcome(bizToken, 'abandon');
    arriveWithToken(bizToken);
    const before = requestsTo('/web/results');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const element = await mount({ before: (el) => (el.incompleteRetryDelays = [3_600_000]) });
      // First read answered `incomplete`: the element now waits an hour before reading again.
      await vi.waitFor(() => expect(requestsTo('/web/results') - before).toBe(1));
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
      expect(element.state).toBe('checking');
      element.remove();
      expect(vi.getTimerCount()).toBe(0);
      expect(element.state).toBe('idle');
    } finally {
      vi.useRealTimers();
    }
  });
});
