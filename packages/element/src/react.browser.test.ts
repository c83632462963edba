// The element on server-rendered pages: connected before a framework sets `proxy` (it waits, idle, and a return's
// `?token=` waits with it), and the FaceIdVerify wrapper handing a result that settled before hydration to
// `onResult`, exactly once, also under StrictMode's doubled effects.
import { createElement, StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import type { WebVerificationResult } from './states.js';
import { FaceIdVerify } from './react.js';
import {
  arriveWithToken,
  leaveForHostedPage,
  mount,
  recordEvents,
  requestsTo,
  stack,
  untilState,
} from '../test/helpers.js';

const proxy = stack.mainProxyUrl;

describe('an element connected before `proxy` is set', () => {
  test('stays idle, then starts once the framework sets `proxy`', async () => {
    const element = await mount({ proxy: null });
    expect(element.state).toBe('idle');
    expect(element.error).toBeNull();

    element.proxy = proxy;
    await element.updateComplete;
    element.addEventListener('faceid-redirect', (event) => event.preventDefault());
    await element.start();
    expect(element.state).toBe('redirecting');
  });

  test('keeps a `?token=` return until `proxy` is set, then reads the result', async () => {
    const bizToken = await leaveForHostedPage('pass');
    arriveWithToken(bizToken);
    const reads = requestsTo('/web/results');
    const element = await mount({ proxy: null });
    expect(location.search).not.toContain('token=');
    expect([element.state, requestsTo('/web/results') - reads]).toEqual(['idle', 0]);

    arriveWithToken(bizToken); // A router hydrating puts the address it started with back (Next.js does).
    const events = recordEvents(element);
    element.proxy = proxy;
    expect(await untilState(element, ['passed', 'error'])).toBe('passed');
    expect(location.search).not.toContain('token=');
    expect(events.filter((event) => event.type === 'faceid-result')).toHaveLength(1);
  });
});

describe('FaceIdVerify (React wrapper) hydrating a page whose element already settled', () => {
  let root: Root | undefined;
  afterEach(() => {
    root?.unmount();
    root = undefined;
  });

  /** Server HTML with the element, upgraded and settled `passed` before React hydrates it. */
  async function settledPage(): Promise<HTMLElement> {
    const bizToken = await leaveForHostedPage('pass');
    arriveWithToken(bizToken);
    const container = document.createElement('div');
    container.innerHTML = `<faceid-verify proxy="${proxy}"></faceid-verify>`;
    document.body.append(container);
    const element = container.querySelector('faceid-verify')!;
    expect(await untilState(element, ['passed', 'error'])).toBe('passed');
    return container;
  }

  async function hydrate(container: HTMLElement, strict: boolean): Promise<WebVerificationResult[]> {
    const results: WebVerificationResult[] = [];
    const settled = new Promise<void>((resolve) => {
      const app = createElement(FaceIdVerify, {
        proxy,
        onResult: (event) => {
          results.push(event.detail);
          resolve();
        },
      });
      root = hydrateRoot(container, strict ? createElement(StrictMode, null, app) : app);
    });
    await settled;
    // Effects of this commit (StrictMode runs them twice) are done once the element's next update is.
    await container.querySelector('faceid-verify')!.updateComplete;
    return results;
  }

  test.each([false, true])('hands the result to onResult exactly once (StrictMode: %s)', async (strict) => {
    const container = await settledPage();
    const results = await hydrate(container, strict);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'passed', errorCode: 0 });
    container.remove();
  });
});
