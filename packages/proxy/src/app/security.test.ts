// Refusals over real loopback sockets against the simulator: each one is checked to reach FaceID zero times
// (the simulator's /__simulator/calls list).
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../node/serve.js';
import { createBindingIssuer } from './binding.js';
import {
  APP_ORIGIN,
  postJson,
  REDIRECT_ATTACKS,
  RETURN_URL,
  startWebSession,
  TEST_BINDING_SECRET,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../test/proxy-testing.js';
import type { WebSession } from './types.js';

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };
let session: WebSession;
const atProxy = (path: string, init: RequestInit) => fetch(`${proxy.url}${path}`, init);

async function callCount(): Promise<number> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  return ((await response.json()) as { calls: unknown[] }).calls.length;
}

/** Runs `request`, expects `status` and `code`, and that FaceID saw no call. */
async function refused(request: () => Response | Promise<Response>, status: number, code: string) {
  const before = await callCount();
  const response = await request();
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; retryable: boolean } };
  expect(body.error).toMatchObject({ code, retryable: status === 429 });
  expect(await callCount()).toBe(before);
  return response;
}

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
  proxy = await serveFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now }));
  session = await startWebSession(atProxy);
});
afterAll(async () => {
  await proxy?.close();
  await simulator?.close();
});
beforeEach(async () => {
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
});

describe('binding', () => {
  const issuer = createBindingIssuer(TEST_BINDING_SECRET);
  const cases: [string, () => Promise<Record<string, unknown>>][] = [
    ['missing', async () => ({ bizToken: session.bizToken })],
    ['wrong', async () => ({ bizToken: session.bizToken, binding: 'e30.e30.AAAA' })],
    [
      'of another BizToken',
      async () => ({ bizToken: session.bizToken, binding: (await startWebSession(atProxy)).binding }),
    ],
    [
      'expired',
      async () => ({ bizToken: session.bizToken, binding: await issuer.issue(session.bizToken, 'intl', 0, 1000) }),
    ],
    [
      'of the other flow',
      async () => ({
        bizToken: session.bizToken,
        binding: await issuer.issue(session.bizToken, 'legacy', clock.now(), clock.now() + 60_000),
      }),
    ],
    [
      'signed with another secret',
      async () => ({
        bizToken: session.bizToken,
        binding: await createBindingIssuer(`${TEST_BINDING_SECRET}x`).issue(
          session.bizToken,
          'intl',
          clock.now(),
          clock.now() + 60_000,
        ),
      }),
    ],
  ];
  for (const [name, body] of cases) {
    it(`${name} → 403 binding_invalid, no upstream call`, async () => {
      const payload = await body();
      await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
      await refused(() => postJson(atProxy, '/web/results', payload), 403, 'binding_invalid');
    });
  }

  it('a wrong API key does not replace the binding: 401 unauthorized, no upstream call', async () => {
    const request = () =>
      postJson(
        atProxy,
        '/web/results',
        { bizToken: session.bizToken },
        { authorization: 'Bearer EXAMPLE-wrong-api-key-000000000' },
      );
    await refused(request, 401, 'unauthorized');
  });
});

describe('RedirectURL', () => {
  it(`refuses the ${REDIRECT_ATTACKS.length}-attack corpus with 400 and no upstream call`, async () => {
    const statuses = new Set<number>();
    for (const redirectUrl of REDIRECT_ATTACKS) {
      const response = await refused(
        () => postJson(atProxy, '/web/sessions', { redirectUrl }),
        400,
        expect.stringMatching(/^(redirect_not_allowed|invalid_request)$/) as unknown as string,
      );
      statuses.add(response.status);
    }
    expect([...statuses]).toEqual([400]);
  });

  it('passes the exact configured URL, dropping query and fragment', async () => {
    const response = await postJson(atProxy, '/web/sessions', { redirectUrl: `${RETURN_URL}?from=nav#top` });
    expect(response.status).toBe(201);
  });
});

describe('browser route refusals', () => {
  for (const key of ['CompareImageBase64', 'Config', 'RuleId', 'Extra', 'Name', 'IdCard', 'redirectURL', '__proto__']) {
    it(`unknown key ${key} → 400 invalid_request`, async () => {
      const body = `{"redirectUrl":${JSON.stringify(RETURN_URL)},${JSON.stringify(key)}:"x"}`;
      const request = () =>
        atProxy('/web/sessions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
          body,
        });
      await refused(request, 400, 'invalid_request');
    });
  }

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
    'application/jsonp',
  ])('content type "%s" → 415', async (type) => {
    const headers: Record<string, string> = { origin: APP_ORIGIN, ...(type ? { 'content-type': type } : {}) };
    const request = () =>
      atProxy('/web/sessions', { method: 'POST', headers, body: JSON.stringify({ redirectUrl: RETURN_URL }) });
    await refused(request, 415, 'unsupported_media_type');
  });

  it.each(['https://evil.example', 'null', 'https://app.example.com.evil.example', 'http://app.example.com'])(
    'foreign Origin %s → 403 even without CORS',
    async (origin) => {
      await refused(
        () => postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL }, { origin }),
        403,
        'origin_not_allowed',
      );
      await refused(
        () => postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding }, { origin }),
        403,
        'origin_not_allowed',
      );
    },
  );

  it('a body over 16 KB → 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ redirectUrl: RETURN_URL, language: 'x'.repeat(17 * 1024) });
    await refused(() => postJson(atProxy, '/web/sessions', JSON.parse(big)), 413, 'payload_too_large');
    const stream = new Blob([big]).stream();
    const chunked = () =>
      atProxy('/web/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
        body: stream,
        duplex: 'half',
      } as RequestInit);
    await refused(chunked, 413, 'payload_too_large');
  });

  it.each(['{', '[]', '"x"', 'null', '{"redirectUrl":5}', '{"bizToken":"../x","binding":"y"}'])(
    'malformed body %s → 400',
    async (body) => {
      const request = () =>
        atProxy('/web/results', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
          body,
        });
      await refused(request, 400, 'invalid_request');
    },
  );
});

describe('routes and methods', () => {
  it.each([
    ['GET', '/web/sessions', 405, 'method_not_allowed'],
    ['PUT', '/web/results', 405, 'method_not_allowed'],
    ['DELETE', '/sdk/tokens', 405, 'method_not_allowed'],
    ['POST', '/health', 405, 'method_not_allowed'],
    ['POST', '/web/session', 404, 'not_found'],
    ['POST', '/', 404, 'not_found'],
    ['GET', '/__simulator/calls', 404, 'not_found'],
    ['POST', '/WEB/SESSIONS', 404, 'not_found'],
    ['POST', '/web/sessions/', 404, 'not_found'],
  ])('%s %s → %s', async (method, path, status, code) => {
    const response = await refused(() => atProxy(path, { method, headers: { origin: APP_ORIGIN } }), status, code);
    if (status === 405) expect(response.headers.get('allow')).toMatch(/POST|GET/);
  });

  it('GET /health answers the upstream kind and region, with security headers and no caching', async () => {
    const response = await atProxy('/health', { method: 'GET' });
    expect(await response.json()).toEqual({ ok: true, upstream: 'simulator', region: 'ap-singapore' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });
});
