// Property suite (fast-check, 1,000 runs per route): arbitrary methods, headers, bodies and paths against the
// app, with the simulator in-process behind a recording fetch (app.request() for speed, no sockets). Without an
// injected fault: never a 5xx, never a secret canary in a response, and a refusal by the proxy itself (an
// error without upstreamCode) never comes with an upstream call.
import { createSimulator } from '@faceid-verify/simulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FaceIdFetch } from '../client/index.js';
import { createFaceIdProxy } from './app.js';
import {
  APP_ORIGIN,
  CANARIES,
  REDIRECT_ATTACKS,
  RETURN_URL,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  testProxyOptions,
} from '../../test/proxy-testing.js';

const RUNS = 1000;
const SIMULATOR_URL = 'http://simulator.test';
const simulator = createSimulator({
  credentials: [TEST_CREDENTIALS],
  publicUrl: SIMULATOR_URL,
  rateLimitPerSecond: 1_000_000,
});
let upstreamCalls = 0;
const recordingFetch: FaceIdFetch = async (url, init) => {
  upstreamCalls += 1;
  return simulator.fetch(new Request(url, init));
};
const app = createFaceIdProxy(testProxyOptions(SIMULATOR_URL, { fetch: recordingFetch }));

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));
const token = fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/);
const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.json({ maxDepth: 2 }),
);

/** Keys a caller might try: ours, Tencent's, prototype tricks, and random ones. */
const key = fc.oneof(
  fc.constantFrom(
    'redirectUrl',
    'language',
    'bizToken',
    'binding',
    'sdkToken',
    'checkMode',
    'secureLevel',
    'imageBase64',
    'extra',
    'idCard',
    'name',
    'retryLimit',
    'CompareImageBase64',
    'Config',
    'RuleId',
    'Extra',
    'Name',
    'IdCard',
    'RedirectURL',
    'Action',
    'Region',
    'endpoint',
    '__proto__',
    'constructor',
    'prototype',
  ),
  fc.string({ maxLength: 12 }),
);

/** Mostly near-valid objects (so the deeper checks are reached), plus arbitrary JSON and raw text. */
const body = fc
  .oneof(
    fc
      .tuple(
        fc.record(
          {
            redirectUrl: fc.oneof(fc.constant(RETURN_URL), fc.constantFrom(...REDIRECT_ATTACKS), printable(80)),
            language: fc.constantFrom('en', 'zh-cn', 'th', 'fr', ''),
          },
          { requiredKeys: [] },
        ),
        fc.option(fc.dictionary(key, anyValue, { maxKeys: 2 }), { nil: undefined }),
      )
      .map(([base, extra]) => ({ ...base, ...extra })),
    fc.record(
      { bizToken: fc.oneof(token, printable(20)), binding: fc.oneof(printable(40), fc.constant('e30.e30.AAAA')) },
      { requiredKeys: [] },
    ),
    fc.record({ sdkToken: fc.oneof(token, printable(20)) }, { requiredKeys: [] }),
    fc.record(
      {
        idCard: printable(20),
        name: printable(20),
        imageBase64: fc.constantFrom('iVBORw0KGgo=', 'not base64!', ''),
        checkMode: fc.constantFrom('liveness', 'compare', 'x'),
        secureLevel: fc.constantFrom('1', '4', '9'),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(key, anyValue, { maxKeys: 4 }),
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 200 }),
  )
  .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));

const headers = fc.record({
  'content-type': fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/jsonx',
    undefined,
  ),
  origin: fc.oneof(fc.constantFrom(APP_ORIGIN, 'https://evil.example', 'null', undefined), printable(30)),
  authorization: fc.oneof(
    fc.constantFrom(`Bearer ${TEST_API_KEY}`, `Bearer ${TEST_API_KEY}x`, 'Bearer', undefined),
    printable(30),
  ),
  'x-forwarded-for': fc.option(printable(20), { nil: undefined }),
  'x-request-id': fc.option(printable(40), { nil: undefined }),
});

const method = fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD');

async function send(path: string, verb: string, head: Record<string, string | undefined>, text: string) {
  const init: RequestInit = {
    method: verb,
    headers: Object.fromEntries(Object.entries(head).filter(([, v]) => v !== undefined)) as Record<string, string>,
  };
  if (verb !== 'GET' && verb !== 'HEAD') init.body = text;
  const before = upstreamCalls;
  const response = await app.request(path, init);
  const answer = await response.text();
  return { response, answer, calls: upstreamCalls - before };
}

async function checkInvariants(path: string, verb: string, head: Record<string, string | undefined>, text: string) {
  const { response, answer, calls } = await send(path, verb, head, text);
  expect(response.status, `${verb} ${path} ${answer}`).toBeLessThan(500);
  const exposed = `${answer}\n${[...response.headers.entries()].join('\n')}`;
  for (const canary of CANARIES) expect(exposed).not.toContain(canary);
  if (response.status >= 400 && answer !== '') {
    const error = (JSON.parse(answer) as { error?: { upstreamCode?: string } }).error;
    if (error?.upstreamCode === undefined) expect(calls, `${verb} ${path} ${answer}`).toBe(0);
  }
  // The URL parser resolves dot segments (`/%2e%2e/web/sessions` is `/web/sessions`): judge the path routed.
  const routed = new URL(`http://localhost${path}`).pathname; // as app.request() builds it
  if (!routed.startsWith('/web/') && !routed.startsWith('/sdk/') && routed !== '/image-recognition') {
    expect(calls).toBe(0);
  }
}

describe('property: arbitrary requests', () => {
  const routes = [
    '/web/sessions',
    '/web/results',
    '/sdk/tokens',
    '/sdk/results',
    '/sdk/verification-results',
    '/image-recognition',
    '/health',
  ];
  for (const route of routes) {
    it(`${route}: ${RUNS} runs`, async () => {
      await fc.assert(
        fc.asyncProperty(method, headers, body, async (verb, head, text) => checkInvariants(route, verb, head, text)),
        { numRuns: RUNS },
      );
    });
  }

  it(`arbitrary paths: ${RUNS} runs`, async () => {
    const path = fc.oneof(
      fc.webPath(),
      fc.constantFrom('/web', '/sdk', '/web/sessions/x', '/__simulator/calls', '/%2e%2e/web/sessions'),
    );
    await fc.assert(
      fc.asyncProperty(path, method, headers, body, async (p, verb, head, text) =>
        checkInvariants(p.startsWith('/') ? p : `/${p}`, verb, head, text),
      ),
      { numRuns: RUNS },
    );
  });

  it('reaches upstream for valid requests (so the properties above are not vacuous)', async () => {
    const valid = await send(
      '/web/sessions',
      'POST',
      { 'content-type': 'application/json', origin: APP_ORIGIN },
      JSON.stringify({ redirectUrl: RETURN_URL }),
    );
    expect(valid.response.status).toBe(201);
    expect(valid.calls).toBe(1);
  });
});
