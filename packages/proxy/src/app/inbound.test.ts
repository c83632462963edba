// What the proxy takes from a request before any route runs, through `app.request()`: the request id (only in a
// strict format), the client address behind `trustProxy` reverse-proxy hops, the API-key calls' own rate bucket;
// and in-process calls on an app built with the Node defaults.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withNodeDefaults } from '../node/serve.js';
import { createFaceIdProxy } from './app.js';
import { REQUEST_ID_FORMAT } from './request-id.js';
import {
  postJson,
  startWebSession,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../test/proxy-testing.js';
import type { FaceIdProxyOptions } from './types.js';

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now });
});
afterAll(async () => {
  await simulator?.close();
});

function app(overrides: Partial<FaceIdProxyOptions> = {}) {
  const proxy = createFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now, ...overrides }));
  return (path: string, init: RequestInit) => proxy.request(path, init);
}

/** A browser-route call that never reaches FaceID (a bad binding): 403, or 429 once its bucket is spent. */
const browserCall = (at: ReturnType<typeof app>, headers: Record<string, string> = {}) =>
  postJson(at, '/web/results', { bizToken: 'EXAMPLEbizToken', binding: 'x.y.z' }, headers);
/** A server-route call that never reaches FaceID (an invalid body): 400, or 429 once its bucket is spent. */
const serverCall = (at: ReturnType<typeof app>) =>
  postJson(at, '/sdk/results', { sdkToken: '!' }, { authorization: `Bearer ${TEST_API_KEY}` });

describe('in-process app.request()', () => {
  it('works on an app built with the Node defaults (no socket to read a peer address from)', async () => {
    // The inbound limit on: its client key is what needs a socket.
    const rateLimit = { windowMs: 60_000, limit: 100 };
    const proxy = createFaceIdProxy(withNodeDefaults(testProxyOptions(simulator.url, { now: clock.now, rateLimit })));
    const session = await startWebSession((path, init) => proxy.request(path, init));
    expect(session.binding).toEqual(expect.any(String));
  });
});

describe('X-Request-Id', () => {
  const at = (path: string, init: RequestInit) => app()(path, init);
  it.each(['abcd1234', 'req_2026-12-02.0001', 'A'.repeat(64)])('is taken in the strict format: %s', async (id) => {
    const response = await at('/health', { headers: { 'x-request-id': id } });
    expect(response.headers.get('x-request-id')).toBe(id);
  });

  it.each(['short', 'has space 123', 'A'.repeat(65), '<script>1234', 'id\u00e9accent', 'a/b/c/d/e/f'])(
    'is replaced by a fresh one otherwise: %j',
    async (id) => {
      const response = await at('/health', { headers: { 'x-request-id': id } });
      const answered = response.headers.get('x-request-id');
      expect(answered).not.toBe(id);
      expect(answered).toMatch(REQUEST_ID_FORMAT);
    },
  );
});

describe('the client address and trustProxy', () => {
  const limit = { rateLimit: { windowMs: 60_000, limit: 1 } };

  it('ignores X-Forwarded-For by default: one bucket whatever the header says', async () => {
    const at = app(limit);
    expect((await browserCall(at, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(403);
    expect((await browserCall(at, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429);
  });

  it('with trustProxy 1, the rightmost entry is the client: a spoofed left part changes nothing', async () => {
    const at = app({ ...limit, trustProxy: 1 });
    expect((await browserCall(at, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(403);
    expect((await browserCall(at, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(403);
    expect((await browserCall(at, { 'x-forwarded-for': '203.0.113.9, 198.51.100.1' })).status).toBe(429);
  });

  it('with trustProxy 2, the second entry from the right is the client', async () => {
    const at = app({ ...limit, trustProxy: 2 });
    expect((await browserCall(at, { 'x-forwarded-for': 'spoof, 198.51.100.7, 10.0.0.1' })).status).toBe(403);
    expect((await browserCall(at, { 'x-forwarded-for': '198.51.100.7, 10.0.0.2' })).status).toBe(429);
    expect((await browserCall(at, { 'x-forwarded-for': '198.51.100.8, 10.0.0.1' })).status).toBe(403);
  });
});

describe('API-key calls have their own rate bucket (serverRateLimit)', () => {
  it('a spent browser bucket does not throttle servers, and the other way round', async () => {
    const at = app({ rateLimit: { windowMs: 60_000, limit: 1 }, serverRateLimit: { windowMs: 60_000, limit: 2 } });
    expect((await browserCall(at)).status).toBe(403);
    expect((await browserCall(at)).status).toBe(429);
    expect((await serverCall(at)).status).toBe(400);
    expect((await serverCall(at)).status).toBe(400);
    const limited = await serverCall(at);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
  });

  it('a wrong key is counted in the caller’s own bucket, not the servers’', async () => {
    const at = app({ rateLimit: { windowMs: 60_000, limit: 1 }, serverRateLimit: { windowMs: 60_000, limit: 1 } });
    const wrong = { authorization: 'Bearer EXAMPLE-wrong-api-key-000000000' };
    expect((await postJson(at, '/sdk/results', { sdkToken: 'x' }, wrong)).status).toBe(401);
    expect((await postJson(at, '/sdk/results', { sdkToken: 'x' }, wrong)).status).toBe(429);
    expect((await serverCall(at)).status).toBe(400);
  });
});
