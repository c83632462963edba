// Proxy trouble, on the `faulty` proxy/simulator pair that no other test file uses (test/stack.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { mount, part, recordEvents, stack, untilState } from '../test/helpers.js';

const proxy = stack.faultyProxyUrl;

afterEach(async () => {
  await commands.proxyUp();
});

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

  test('the redirect-url the proxy does not allow: error redirect_not_allowed, not retryable', async () => {
    const element = await mount({ proxy, before: (el) => (el.redirectUrl = 'https://elsewhere.example/return') });
    await element.start();
    expect(element.error).toMatchObject({ code: 'redirect_not_allowed', retryable: false });
    await element.updateComplete;
    expect(part(element, 'retry')).toBeNull();
    expect(part(element, 'button')?.textContent).toBe('Start over');
  });
});
