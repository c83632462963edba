// Upstream faults injected in the simulator, over real loopback sockets: the error codes of design.md,
// retries only on result reads (counted in the simulator's call list), and a bounded wait on a hang.
import { serve } from '@hono/node-server';
import { serveSimulator } from '@faceid-verify/simulator/node';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../node/serve.js';
import {
  postJson,
  RETURN_URL,
  startWebSession,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../test/proxy-testing.js';
import type { WebSession } from './types.js';

// Longer than the 1 s pause after RequestLimitExceeded, so a refused call can be sent again within it.
const TIMEOUT_MS = 2500;
const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };
let finished: WebSession;
const atProxy = (path: string, init: RequestInit) => fetch(`${proxy.url}${path}`, init);

async function inject(action: string, mode: string, count: number) {
  await postJson(fetch, `${simulator.url}/__simulator/faults`, { action, mode, count });
}

async function calls(action: string): Promise<number> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  return ((await response.json()) as { calls: { action: string }[] }).calls.filter((c) => c.action === action).length;
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: Record<string, unknown> }).error;
}

const startSession = () => postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL });
const readResult = () => postJson(atProxy, '/web/results', { bizToken: finished.bizToken, binding: finished.binding });

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
  proxy = await serveFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now, timeoutMs: TIMEOUT_MS }));
});
afterAll(async () => {
  await proxy?.close();
  await simulator?.close();
});
beforeEach(async () => {
  await inject('*', 'http-500', 0);
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
  // reset forgets flows: start and finish a fresh one for the result reads.
  finished = await startWebSession(atProxy);
  await postJson(fetch, `${simulator.url}/__simulator/outcomes`, { token: finished.bizToken, outcome: 'pass' });
});

describe('faults on ApplyWebVerificationBizTokenIntl (retried only after RequestLimitExceeded)', () => {
  const apply = 'ApplyWebVerificationBizTokenIntl';
  it.each([
    ['http-500', 502, 'upstream_bad_response', undefined, true],
    ['malformed-json', 502, 'upstream_bad_response', undefined, false],
    ['internal-error', 503, 'upstream_unavailable', 'InternalError', true],
    // undici hands the 3xx back unfollowed; the client rejects it as a bad reply.
    ['redirect', 502, 'upstream_bad_response', undefined, false],
  ])('%s → %s %s, one call', async (mode, status, code, upstreamCode, retryable) => {
    const before = await calls(apply);
    await inject(apply, mode, 1);
    const response = await startSession();
    expect(response.status).toBe(status);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code, retryable });
    expect(error['upstreamCode']).toBe(upstreamCode);
    expect(JSON.stringify(error)).not.toMatch(/<html|Internal Server Error|redirected\.example/);
    expect(await calls(apply)).toBe(before + 1);
  });

  it('rate-limit → sent again at least 1 s later (Tencent ran nothing), 201', async () => {
    const before = await calls(apply);
    await inject(apply, 'rate-limit', 1);
    const started = performance.now();
    const response = await startSession();
    expect(response.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await calls(apply)).toBe(before + 2);
  });

  it(`hang → 504 within the configured ${TIMEOUT_MS} ms`, async () => {
    await inject(apply, 'hang', 1);
    const started = performance.now();
    const response = await startSession();
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_timeout', retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 600);
  });
});

describe('faults on GetWebVerificationResultIntl (result reads are retried)', () => {
  const get = 'GetWebVerificationResultIntl';
  // malformed-json is a truncated reply (`{"Response":{"RequestId":"…",`); redirect a 302 to another host.
  it.each(['http-500', 'rate-limit', 'internal-error', 'malformed-json', 'redirect'])(
    'one %s is retried and the read succeeds',
    async (mode) => {
      await inject(get, mode, 1);
      const response = await readResult();
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('passed');
      expect(await calls(get)).toBe(2);
    },
  );

  it('a persistent internal-error gives 503 after the bounded retries', async () => {
    await inject(get, 'internal-error', 10);
    const response = await readResult();
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_unavailable', upstreamCode: 'InternalError' });
    expect(await calls(get)).toBe(3);
  });

  it('persistent malformed JSON gives 502 upstream_bad_response, retryable, after the bounded retries', async () => {
    await inject(get, 'malformed-json', 10);
    const response = await readResult();
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_bad_response', retryable: true });
    expect(await calls(get)).toBe(3);
  });

  it(`a hang on every attempt still answers 504 within ${TIMEOUT_MS} ms`, async () => {
    await inject(get, 'hang', 10);
    const started = performance.now();
    const response = await readResult();
    expect(response.status).toBe(504);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 600);
  });
});

describe('a redirecting upstream', () => {
  it("is refused and the redirect's target receives nothing", async () => {
    let targetHits = 0;
    const target = serve({ fetch: () => (targetHits++, new Response('{}')), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => target.once('listening', resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    const redirector = serve({
      fetch: () => new Response(null, { status: 307, headers: { location: targetUrl } }),
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise((resolve) => redirector.once('listening', resolve));
    const endpoint = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    const redirected = await serveFaceIdProxy(testProxyOptions(endpoint, { timeoutMs: TIMEOUT_MS }));
    try {
      const response = await postJson((path, init) => fetch(`${redirected.url}${path}`, init), '/web/sessions', {
        redirectUrl: RETURN_URL,
      });
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('upstream_bad_response');
      expect(targetHits).toBe(0);
    } finally {
      await redirected.close();
      await new Promise((resolve) => redirector.close(resolve));
      await new Promise((resolve) => target.close(resolve));
    }
  });
});
