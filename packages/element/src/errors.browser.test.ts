// Proxy trouble, on the `faulty` proxy/simulator pair that no other test file uses (test/stack.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { arriveWithToken, mount, part, recordEvents, stack, startWithoutLeaving, untilState } from '../test/helpers.js';
import { loadFlow } from './flow-store.js';
import type { FaceIdVerifyElement } from './faceid-verify.js';

const proxy = stack.faultyProxyUrl;

afterEach(async () => {
  await commands.proxyUp();
});

/** Mounts on `proxyUrl` and starts with console.warn recorded; returns the element and the warnings. */
async function startWarned(proxyUrl: string, before?: (element: FaceIdVerifyElement) => void) {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    const element = await mount({ proxy: proxyUrl, ...(before ? { before } : {}) });
    await element.start();
    await element.updateComplete;
    return { element, lines };
  } finally {
    console.warn = original;
  }
}

describe('errors from the proxy', () => {
  test('proxy down: "Something went wrong", a retryable faceid-error, and a working "Try again" once it is back', async () => {
    await commands.proxyDown();
    let events: ReturnType<typeof recordEvents> = [];
    const element = await mount({ proxy, before: (el) => (events = recordEvents(el)) });
    await element.start();
    await element.updateComplete;

    expect(element.state).toBe('error');
    expect(element.error).toMatchObject({ code: 'proxy_unreachable', retryable: true });
    const error = events.find((event) => event.type === 'faceid-error');
    expect(error?.detail).toEqual(element.error);
    expect([error?.bubbles, error?.composed]).toEqual([true, true]);
    expect(part(element, 'heading')?.textContent).toBe('Something went wrong');
    expect(part(element, 'message')?.textContent).toBe(
      'The verification service did not answer. Check your connection.',
    );
    const retry = part(element, 'retry');
    expect(retry?.textContent).toBe('Try again');
    expect(retry?.tagName).toBe('BUTTON');

    await commands.proxyUp();
    element.addEventListener('faceid-redirect', (event) => event.preventDefault());
    retry!.click();
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
  });

  test('a failed read never drops the stored flow: "Try again" reads the same flow once FaceID answers', async () => {
    const starter = await mount({ proxy });
    const { bizToken } = await startWithoutLeaving(starter);
    starter.remove();
    await commands.simulatorOutcome(bizToken, 'pass', 'faulty');
    await commands.simulatorFault('http-500', 10); // every read attempt, retries included
    arriveWithToken(bizToken);
    const element = await mount({ proxy });
    await untilState(element);
    expect(element.error).toMatchObject({ code: 'upstream_bad_response', retryable: true });
    expect(loadFlow(bizToken)?.bizToken).toBe(bizToken);

    await commands.simulatorFault('http-500', 0);
    (part(element, 'retry') as HTMLButtonElement).click();
    await untilState(element, ['passed']);
    expect(element.result).toMatchObject({ status: 'passed' });
    expect(loadFlow(bizToken)).toBeNull(); // settled: now forgotten
  });

  test('a proxy that answers but whose CORS refuses this page: cors_refused, one warning naming FACEID_ALLOWED_ORIGINS', async () => {
    // The simulator answers every request but sends no CORS headers: what a proxy without this origin looks like.
    const { element, lines } = await startWarned(stack.mainSimulatorUrl);
    expect(element.error).toMatchObject({ code: 'cors_refused', retryable: false });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('cors_refused');
    expect(lines[0]).toContain('FACEID_ALLOWED_ORIGINS');
    // Something answered: no "check your connection".
    expect(part(element, 'message')).toBeNull();
    expect(part(element, 'heading')?.textContent).toBe('Something went wrong');
  });

  test('an upstream refusal carries Tencent\'s code as upstreamCode, and no "check your connection"', async () => {
    await commands.simulatorFault('rate-limit', 1);
    let events: ReturnType<typeof recordEvents> = [];
    const element = await mount({ proxy, before: (el) => (events = recordEvents(el)) });
    await element.start();
    await element.updateComplete;
    expect(element.error).toMatchObject({
      code: 'upstream_unavailable',
      upstreamCode: 'RequestLimitExceeded',
      retryable: true,
    });
    expect(events.find((event) => event.type === 'faceid-error')?.detail).toMatchObject({
      upstreamCode: 'RequestLimitExceeded',
    });
    expect(part(element, 'message')).toBeNull();
  });

  test('an upstream HTTP 500 comes back as the proxy error envelope: error state with its code', async () => {
    await commands.simulatorFault('http-500', 5);
    const element = await mount({ proxy });
    await element.start();
    expect(element.state).toBe('error');
    expect(element.error?.code).toMatch(/^upstream_/);
    expect(element.error?.message).toEqual(expect.any(String));
    await commands.simulatorFault('http-500', 0);
  });

  test('a proxy that does not answer in timeoutMs: error timeout, retryable', async () => {
    await commands.simulatorFault('hang', 1);
    const element = await mount({ proxy, before: (el) => (el.timeoutMs = 300) });
    await element.start();
    expect(element.state).toBe('error');
    expect(element.error).toMatchObject({ code: 'timeout', retryable: true });
    expect(part(element, 'retry')).not.toBeNull();
  });

  test('the redirect-url the proxy does not allow: redirect_not_allowed, not retryable, one warning naming the variable', async () => {
    const { element, lines } = await startWarned(proxy, (el) => (el.redirectUrl = 'https://elsewhere.example/return'));
    expect(element.error).toMatchObject({ code: 'redirect_not_allowed', retryable: false });
    expect(lines).toEqual([expect.stringMatching(/redirect_not_allowed.*FACEID_REDIRECT_URLS/)]);
    expect(part(element, 'retry')).toBeNull();
    expect(part(element, 'button')?.textContent).toBe('Start over');
  });
});
