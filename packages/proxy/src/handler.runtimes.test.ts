// `@faceid-verify/proxy/handler` on real Bun, Deno and workerd processes against the simulator CLI: the same
// flow on each (health, a signed session start, a passed result read, a handoff with its long poll) and a
// redirecting upstream answered as an upstream error. workerd's fetch throws on `redirect: 'error'`, so there the session start fails if it comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBun, startDeno, startSimulator, startWorkerd, type Running } from '../test/runtimes.js';

const ORIGIN = 'https://app.example.com';
const RETURN_URL = `${ORIGIN}/kyc/return`;

let simulator: Running;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator?.stop());

const variables = () => ({ FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: RETURN_URL });

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const RUNTIMES = [
  ['bun', startBun],
  ['deno', startDeno],
  ['workerd', startWorkerd],
] as const;

describe.each(RUNTIMES)('the handler on %s', (_name, start) => {
  let proxy: Running;
  beforeAll(async () => {
    proxy = await start(variables());
  }, 30_000);
  afterAll(() => proxy?.stop());

  it('answers health, starts a signed session and reads a passed result', async () => {
    const health = await fetch(`${proxy.url}/health`);
    expect(await health.json()).toEqual({ ok: true, upstream: 'simulator', region: 'ap-singapore' });

    const session = await post(`${proxy.url}/web/sessions`, { redirectUrl: RETURN_URL });
    expect(session.status, proxy.output()).toBe(201);
    const { bizToken, binding, verificationUrl } = session.json as Record<string, string>;
    expect(verificationUrl).toBe(`${simulator.url}/verify?token=${bizToken}`);

    const outcome = await post(`${simulator.url}/__simulator/outcomes`, { token: bizToken, outcome: 'pass' });
    expect(outcome.status).toBe(200);
    const result = await post(`${proxy.url}/web/results`, { bizToken, binding });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status: 'passed', errorCode: 0 });
  });

  it('hands off: the signed link, the done page and the long poll answered from the ledger', async () => {
    const session = await post(`${proxy.url}/web/sessions`, { mode: 'handoff' });
    expect(session.status, proxy.output()).toBe(201);
    const { bizToken, binding, verificationUrl, handoffUrl } = session.json as Record<string, string>;
    expect(handoffUrl?.startsWith(`${proxy.url}/web/handoff/${bizToken}?`)).toBe(true);
    const link = await fetch(handoffUrl ?? '', { redirect: 'manual' });
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe(verificationUrl);

    expect((await post(`${simulator.url}/__simulator/outcomes`, { token: bizToken, outcome: 'pass' })).status).toBe(
      200,
    );
    const done = await fetch(`${proxy.url}/web/handoff/done?token=${bizToken}`);
    expect(await done.text()).toContain('Done — return to your computer');
    const waited = await post(`${proxy.url}/web/results/wait`, { bizToken, binding });
    expect(waited.json).toMatchObject({ status: 'passed', errorCode: 0 });
  });

  it('answers a redirecting upstream 502 upstream_bad_response, never following it', async () => {
    const fault = { action: 'ApplyWebVerificationBizTokenIntl', mode: 'redirect', count: 1 };
    expect((await post(`${simulator.url}/__simulator/faults`, fault)).status).toBe(200);
    const session = await post(`${proxy.url}/web/sessions`, { redirectUrl: RETURN_URL });
    expect(session.status).toBe(502);
    expect(session.json).toMatchObject({ error: { code: 'upstream_bad_response', retryable: false } });
  });
});
