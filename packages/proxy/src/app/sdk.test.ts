// Server-to-server routes over real loopback sockets against the simulator: API key, authorize hook,
// no CORS, normalised answers with media off, and Tencent's input errors as 400.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../node/serve.js';
import {
  APP_ORIGIN,
  postJson,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../test/proxy-testing.js';

const clock = testClock();
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let simulator: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };
const atProxy = (path: string, init: RequestInit) => fetch(`${proxy.url}${path}`, init);
const server = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${proxy.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}`, ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
  proxy = await serveFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now }));
});
afterAll(async () => {
  await proxy?.close();
  await simulator?.close();
});

describe('authentication', () => {
  it.each([
    ['no Authorization', {}],
    ['a wrong key', { authorization: 'Bearer EXAMPLE-wrong-api-key-0000000' }],
    ['the key without Bearer', { authorization: TEST_API_KEY }],
    ['Basic auth', { authorization: `Basic ${btoa(`x:${TEST_API_KEY}`)}` }],
  ])('%s → 401 with WWW-Authenticate', async (_name, headers) => {
    const response = await fetch(`${proxy.url}/sdk/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('never answers CORS on server routes, even to an allowed origin', async () => {
    const preflight = await atProxy('/sdk/tokens', {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const call = await server('/sdk/tokens', {}, { origin: APP_ORIGIN });
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('are 404 when neither an API key nor an authorize hook is configured', async () => {
    const closed = await serveFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now, apiKey: undefined }));
    try {
      const response = await fetch(`${closed.url}/sdk/results`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
    } finally {
      await closed.close();
    }
  });

  it('accept the authorize hook instead of a key, and its Response refuses', async () => {
    const hooked = await serveFaceIdProxy(
      testProxyOptions(simulator.url, {
        now: clock.now,
        apiKey: undefined,
        authorize: (c) => c.req.header('x-internal') === 'yes' || new Response('go away', { status: 418 }),
      }),
    );
    try {
      const post = (headers: Record<string, string>) =>
        fetch(`${hooked.url}/sdk/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        });
      expect((await post({ 'x-internal': 'yes' })).status).toBe(201);
      expect((await post({})).status).toBe(418);
    } finally {
      await hooked.close();
    }
  });
});

describe('SDK tokens and results', () => {
  it('POST /sdk/tokens → 201 SdkToken; /sdk/results reads it (incomplete, then passed) without media', async () => {
    const created = await server('/sdk/tokens', { checkMode: 'liveness', secureLevel: '4', extra: 'order-1' });
    expect(created.status).toBe(201);
    const { sdkToken, expiresAt } = (await created.json()) as { sdkToken: string; expiresAt: string };
    expect(Date.parse(expiresAt) - clock.now()).toBe(10 * 60 * 1000);
    const pending = (await (await server('/sdk/results', { sdkToken })).json()) as Record<string, unknown>;
    expect(pending).toMatchObject({ status: 'incomplete', result: '-999', extra: 'order-1' });
    await postJson(fetch, `${simulator.url}/__simulator/outcomes`, { token: sdkToken, outcome: 'pass' });
    const done = (await (await server('/sdk/results', { sdkToken })).json()) as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'passed', result: '0' });
    expect(done).not.toHaveProperty('bestFrameBase64');
    expect(JSON.stringify(done)).not.toMatch(/BestFrame|Video/);
  });

  it('an SdkToken FaceID does not know → 400 invalid_request with upstreamCode', async () => {
    const response = await server('/sdk/verification-results', { sdkToken: 'EXAMPLE-0000-unknown-token' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 'invalid_request',
      upstreamCode: expect.stringMatching(/^InvalidParameterValue/),
    });
  });

  it('refuses Tencent-cased or unknown fields', async () => {
    expect((await server('/sdk/tokens', { CheckMode: 'liveness' })).status).toBe(400);
    expect((await server('/sdk/results', { sdkToken: 'x', SdkToken: 'x' })).status).toBe(400);
  });
});

describe('POST /image-recognition', () => {
  it.each([
    ['Chan Tai Man', 'passed', 'Success'],
    ['Chan LowSim', 'failed', 'FailedOperation.CompareLowSimilarity'],
    ['Chan Mismatch', 'failed', 'FailedOperation.IdNameMisMatch'],
  ])('%s → %s (%s), as data or as an error', async (name, status, result) => {
    const response = await server('/image-recognition', { idCard: 'A1234563', name, imageBase64: PHOTO });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status, result });
  });

  it('a transient comparison failure is 503', async () => {
    const response = await server('/image-recognition', { idCard: 'A1234563', name: 'Busy', imageBase64: PHOTO });
    expect(response.status).toBe(503);
  });

  it('accepts up to 12 MB and refuses more with 413', async () => {
    const oversized = 'A'.repeat(12 * 1024 * 1024 + 1);
    const response = await server('/image-recognition', { idCard: 'A1234563', name: 'x', imageBase64: oversized });
    expect(response.status).toBe(413);
    const large = await server('/image-recognition', {
      idCard: 'A1234563',
      name: 'x',
      imageBase64: 'A'.repeat(4 * 1024 * 1024),
    });
    expect(large.status).toBe(400);
    expect(((await large.json()) as { error: Record<string, unknown> }).error['upstreamCode']).toMatch(
      /^InvalidParameter|ImageSizeTooLarge/,
    );
  });
});
