// Hardening, over real loopback sockets (serveFaceIdProxy in front of the simulator): hung reads never delay a
// session start (one concurrency cap per action), a wrong API key is 401 on every server route, and only the
// canonical spelling of a binding is accepted, with no upstream call otherwise.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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

const HUNG_READS = 20;
const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };
let session: WebSession;
const atProxy = (path: string, init: RequestInit) => fetch(`${proxy.url}${path}`, init);

async function calls(action?: string): Promise<number> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  const list = ((await response.json()) as { calls: { action: string }[] }).calls;
  return action === undefined ? list.length : list.filter((call) => call.action === action).length;
}

async function faults(action: string, mode: string, count: number) {
  await postJson(fetch, `${simulator.url}/__simulator/faults`, { action, mode, count });
}

/** Forgets faults and flows, and ends every hung request. */
async function reset() {
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
}

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
  // A long route deadline, so the hung reads stay hung for the whole test; the default cap (16 per action).
  proxy = await serveFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now, timeoutMs: 30_000 }));
});
afterAll(async () => {
  await reset();
  await proxy?.close();
  await simulator?.close();
});
beforeEach(async () => {
  await reset();
  session = await startWebSession(atProxy);
});

describe('concurrency is capped per action', () => {
  it(`with ${HUNG_READS} result reads hung upstream, a session start answers within 1 s`, async () => {
    const read = 'GetWebVerificationResultIntl';
    await faults(read, 'hang', HUNG_READS);
    const before = await calls(read);
    const body = { bizToken: session.bizToken, binding: session.binding };
    const hung = Array.from({ length: HUNG_READS }, () =>
      Promise.resolve(postJson(atProxy, '/web/results', body)).catch(() => null),
    );
    // The simulator holds 16 of them (the read's cap), the other 4 wait for a slot of their own action.
    await vi.waitFor(async () => expect(await calls(read)).toBe(before + 16), { timeout: 5_000, interval: 20 });

    const started = performance.now();
    const response = await postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(201);
    expect(elapsed).toBeLessThanOrEqual(1_000);

    await reset();
    await Promise.all(hung);
  });
});

describe('server routes', () => {
  const WRONG = { authorization: 'Bearer EXAMPLE-wrong-api-key-000000000' };
  const ROUTES: [string, unknown][] = [
    ['/sdk/tokens', {}],
    ['/sdk/results', { sdkToken: 'EXAMPLE-sdk-token' }],
    ['/sdk/verification-results', { sdkToken: 'EXAMPLE-sdk-token' }],
    ['/image-recognition', { idCard: '1', name: 'n', imageBase64: 'AAAA' }],
  ];

  it.each(ROUTES)('%s with a wrong API key: 401 unauthorized, no upstream call', async (path, body) => {
    const before = await calls();
    const response = await postJson(atProxy, path, body, WRONG);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized', retryable: false } });
    expect(await calls()).toBe(before);
  });

  it('/web/results without a binding: 401 with a wrong key, 403 binding_invalid with none; no upstream call', async () => {
    const before = await calls();
    const wrong = await postJson(atProxy, '/web/results', { bizToken: session.bizToken }, WRONG);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const none = await postJson(atProxy, '/web/results', { bizToken: session.bizToken });
    expect(none.status).toBe(403);
    expect(await none.json()).toMatchObject({ error: { code: 'binding_invalid' } });
    expect(await calls()).toBe(before);
  });
});

/** The same bytes, spelled otherwise: each must be refused. */
function respellings(binding: string): [string, string][] {
  const [header, payload, signature] = binding.split('.') as [string, string, string];
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  // A 32-byte HMAC is 43 characters: the last one carries 2 unused bits, so its neighbour decodes to the same bytes.
  const last = alphabet.indexOf(signature.at(-1) as string);
  const flipped = signature.slice(0, -1) + alphabet[last ^ 1];
  return [
    ['a trailing = on the signature', `${header}.${payload}.${signature}=`],
    ['a trailing = on the payload', `${header}.${payload}=.${signature}`],
    ['the last signature character with an unused bit flipped', `${header}.${payload}.${flipped}`],
    ['standard base64 characters', `${header}.${payload}.${signature.replace(/-/g, '+').replace(/_/g, '/')}`],
  ];
}

describe('bindings', () => {
  it('only the canonical base64url spelling is accepted: any other is 403, no upstream call', async () => {
    const variants = respellings(session.binding).filter(([, variant]) => variant !== session.binding);
    expect(variants.length).toBeGreaterThanOrEqual(3);
    for (const [name, binding] of variants) {
      const before = await calls();
      const response = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding });
      expect(response.status, name).toBe(403);
      expect(await response.json(), name).toMatchObject({ error: { code: 'binding_invalid' } });
      expect(await calls(), name).toBe(before);
    }
    // The canonical one still reads the result.
    const canonical = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    expect(canonical.status).toBe(200);
  });
});
