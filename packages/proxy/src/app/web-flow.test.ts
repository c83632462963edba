// The whole web flow over real loopback sockets: simulator and proxy both served on 127.0.0.1, the browser's
// part played with fetch. Every simulator outcome must give the status design.md specifies.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../node/serve.js';
import {
  APP_ORIGIN,
  finishOnHostedPage,
  postJson,
  RETURN_URL,
  startWebSession,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../test/proxy-testing.js';
import type { WebVerificationResult } from './types.js';

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };
const logLines: string[] = [];

const atProxy = (path: string, init: RequestInit) => fetch(`${proxy.url}${path}`, init);
const atSimulator = (url: string, init: RequestInit) => fetch(url, init);

async function upstreamCalls(): Promise<{ action: string; signatureValid: boolean }[]> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  return ((await response.json()) as { calls: { action: string; signatureValid: boolean }[] }).calls;
}

async function result(bizToken: string, binding: string) {
  const response = await postJson(atProxy, '/web/results', { bizToken, binding });
  return { status: response.status, body: (await response.json()) as WebVerificationResult };
}

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
  proxy = await serveFaceIdProxy(
    testProxyOptions(simulator.url, { now: clock.now, logger: (line) => void logLines.push(line) }),
  );
});
afterAll(async () => {
  await proxy?.close();
  await simulator?.close();
});
beforeEach(async () => {
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
});

describe('web flow through the proxy', () => {
  const expected: [string, WebVerificationResult['status'], number][] = [
    ['pass', 'passed', 0],
    ['fail-liveness', 'failed', -1],
    ['fail-compare', 'failed', -1],
    ['timeout', 'incomplete', 1409],
    ['quit', 'incomplete', 1410],
  ];
  for (const [outcome, status, code] of expected) {
    it(`hosted page "${outcome}" → ${status}`, async () => {
      const session = await startWebSession(atProxy);
      expect(session.verificationUrl).toBe(`${simulator.url}/verify?token=${session.bizToken}`);
      const location = await finishOnHostedPage(atSimulator, session.verificationUrl, outcome);
      expect(location).toBe(`${RETURN_URL}?token=${session.bizToken}`);
      const { status: http, body } = await result(session.bizToken, session.binding);
      expect(http).toBe(200);
      expect(body.status).toBe(status);
      if (code >= 0) expect(body.errorCode).toBe(code);
      else expect(body.errorCode).not.toBeNull();
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.attempts.length).toBeGreaterThan(status === 'incomplete' ? -1 : 0);
      for (const attempt of body.attempts)
        expect(attempt.at === null || !Number.isNaN(Date.parse(attempt.at))).toBe(true);
      if (status === 'passed') expect(body.similarity).toBeGreaterThanOrEqual(70);
      expect(JSON.stringify(body)).not.toMatch(/Base64|VideoBase64|BestFrame/i);
    });
  }

  it('a user who comes back without finishing (abandon) → incomplete, no verdict', async () => {
    const session = await startWebSession(atProxy);
    await postJson(atSimulator, `${simulator.url}/__simulator/outcomes`, {
      token: session.bizToken,
      outcome: 'abandon',
    });
    const { body } = await result(session.bizToken, session.binding);
    expect(body).toMatchObject({ status: 'incomplete', errorCode: null, similarity: null });
  });

  it('a BizToken left unused past its 10 minutes → expired', async () => {
    const session = await startWebSession(atProxy);
    expect(Date.parse(session.expiresAt) - clock.now()).toBe(10 * 60 * 1000);
    clock.advance(11 * 60 * 1000);
    const { status, body } = await result(session.bizToken, session.binding);
    expect(status).toBe(200);
    expect(body.status).toBe('expired');
  });

  it('an authorised server reads a result without a binding', async () => {
    const session = await startWebSession(atProxy);
    await finishOnHostedPage(atSimulator, session.verificationUrl, 'pass');
    const response = await fetch(`${proxy.url}/web/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
      body: JSON.stringify({ bizToken: session.bizToken }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as WebVerificationResult).status).toBe('passed');
  });

  it('signs every upstream call correctly and logs one line per request without secrets', async () => {
    logLines.length = 0;
    const session = await startWebSession(atProxy);
    await result(session.bizToken, session.binding);
    const calls = await upstreamCalls();
    expect(calls.map((call) => call.action)).toEqual([
      'ApplyWebVerificationBizTokenIntl',
      'GetWebVerificationResultIntl',
    ]);
    expect(calls.every((call) => call.signatureValid)).toBe(true);
    expect(logLines).toHaveLength(2);
    const line = JSON.parse(logLines[1] as string) as Record<string, unknown>;
    expect(line).toMatchObject({ route: 'web.results', action: 'GetWebVerificationResultIntl', status: 200 });
    expect(typeof line['upstreamRequestId']).toBe('string');
    expect(typeof line['latencyMs']).toBe('number');
    for (const secret of [session.bizToken, session.binding, TEST_CREDENTIALS.secretKey]) {
      expect(logLines.join('\n')).not.toContain(secret);
    }
  });

  it('answers CORS only for the allowlisted origin, with that exact string', async () => {
    const preflight = await fetch(`${proxy.url}/web/sessions`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const foreign = await fetch(`${proxy.url}/web/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
