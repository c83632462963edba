// The same app in a second runtime: real Chromium (Vitest browser project), no Node anywhere. The proxy's
// `fetch` calls the simulator's Web-standard handler in the page; Web Crypto signs and checks bindings.
// (Browsers drop a hand-set Origin header, so the origin refusals are covered by the Node tests only.)
import { createSimulator } from '@faceid-verify/simulator';
import { describe, expect, it } from 'vitest';
import type { FaceIdFetch } from '../client/index.js';
import { createFaceIdProxy } from './app.js';
import {
  CANARIES,
  finishOnHostedPage,
  postJson,
  REDIRECT_ATTACKS,
  startWebSession,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../test/proxy-testing.js';
import type { WebVerificationResult } from './types.js';

const SIMULATOR_URL = 'http://simulator.test';

function setup(timeoutMs = 5_000) {
  const clock = testClock();
  const simulator = createSimulator({
    credentials: [TEST_CREDENTIALS],
    publicUrl: SIMULATOR_URL,
    now: clock.now,
    testControls: true,
  });
  const calls: string[] = [];
  const upstream: FaceIdFetch = async (url, init) => {
    calls.push(init.headers['X-TC-Action'] ?? init.headers['x-tc-action'] ?? '?');
    return simulator.fetch(new Request(url, init));
  };
  const app = createFaceIdProxy(testProxyOptions(SIMULATOR_URL, { fetch: upstream, now: clock.now, timeoutMs }));
  const atProxy = async (path: string, init: RequestInit) => app.request(path, init);
  const atSimulator = async (url: string, init: RequestInit) => simulator.fetch(new Request(url, init));
  return { clock, simulator, calls, app, atProxy, atSimulator };
}

async function readResult(atProxy: ReturnType<typeof setup>['atProxy'], bizToken: string, binding: string) {
  const response = await postJson(atProxy, '/web/results', { bizToken, binding });
  return { status: response.status, body: (await response.json()) as WebVerificationResult };
}

describe('createFaceIdProxy in Chromium', () => {
  it('runs in a browser: no process, no Buffer', () => {
    expect(typeof (globalThis as { process?: unknown }).process).toBe('undefined');
    expect(typeof (globalThis as { Buffer?: unknown }).Buffer).toBe('undefined');
  });

  it('GET /health', async () => {
    const { app } = setup();
    expect(await (await app.request('/health')).json()).toEqual({
      ok: true,
      upstream: 'simulator',
      region: 'ap-singapore',
    });
  });

  for (const [outcome, status] of [
    ['pass', 'passed'],
    ['fail-liveness', 'failed'],
    ['fail-compare', 'failed'],
    ['timeout', 'incomplete'],
    ['quit', 'incomplete'],
  ] as const) {
    it(`the web flow with "${outcome}" → ${status}, signed with Web Crypto`, async () => {
      const { atProxy, atSimulator, calls } = setup();
      const session = await startWebSession(atProxy);
      const location = await finishOnHostedPage(atSimulator, session.verificationUrl, outcome);
      expect(location).toContain(`token=${session.bizToken}`);
      const { status: http, body } = await readResult(atProxy, session.bizToken, session.binding);
      expect(http).toBe(200);
      expect(body.status).toBe(status);
      expect(calls).toEqual(['ApplyWebVerificationBizTokenIntl', 'GetWebVerificationResultIntl']);
    });
  }

  it('an unused BizToken past 10 minutes → expired', async () => {
    const { atProxy, clock } = setup();
    const session = await startWebSession(atProxy);
    clock.advance(11 * 60 * 1000);
    expect((await readResult(atProxy, session.bizToken, session.binding)).body.status).toBe('expired');
  });

  it('a wrong or foreign binding → 403 and no upstream call', async () => {
    const { atProxy, calls } = setup();
    const first = await startWebSession(atProxy);
    const second = await startWebSession(atProxy);
    calls.length = 0;
    for (const binding of [second.binding, 'e30.e30.AAAA', `${first.binding}x`]) {
      const { status, body } = await readResult(atProxy, first.bizToken, binding);
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: { code: 'binding_invalid' } });
    }
    expect((await postJson(atProxy, '/web/results', { bizToken: first.bizToken })).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('refuses the RedirectURL corpus, unknown keys, other media types and big bodies without calling FaceID', async () => {
    const { atProxy, calls } = setup();
    for (const redirectUrl of REDIRECT_ATTACKS) {
      expect((await postJson(atProxy, '/web/sessions', { redirectUrl })).status).toBe(400);
    }
    for (const key of ['CompareImageBase64', 'Config', 'RuleId', 'Extra']) {
      const body = { redirectUrl: 'https://app.example.com/kyc/return', [key]: 'x' };
      expect((await postJson(atProxy, '/web/sessions', body)).status).toBe(400);
    }
    const text = await atProxy('/web/sessions', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    const big = await postJson(atProxy, '/web/sessions', { redirectUrl: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect((await atProxy('/nowhere', { method: 'POST' })).status).toBe(404);
    expect((await atProxy('/web/sessions', { method: 'GET' })).status).toBe(405);
    expect(calls).toEqual([]);
  });

  it('a hanging FaceID → 504 within the configured time', async () => {
    const { atProxy, atSimulator } = setup(300);
    await postJson(atSimulator, `${SIMULATOR_URL}/__simulator/faults`, { action: '*', mode: 'hang', count: 1 });
    const started = performance.now();
    const response = await postJson(atProxy, '/web/sessions', { redirectUrl: 'https://app.example.com/kyc/return' });
    expect(response.status).toBe(504);
    expect(performance.now() - started).toBeLessThan(1_500);
    const text = await response.text();
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  });
});
