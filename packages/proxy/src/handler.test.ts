// The handler's configuration sources and its app cache, on Node in-process (the runtimes themselves are in
// handler.runtimes.test.ts). Sandbox makes a random binding secret per app: a binding from one app is refused by
// another, which shows whether two requests met the same app.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveSimulator, type RunningSimulator } from '@faceid-verify/simulator/node';
import handler from './handler.js';

const ORIGIN = 'https://app.example.com';
const RETURN_URL = `${ORIGIN}/kyc/return`;

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await serveSimulator({ port: 0 });
});
afterAll(() => simulator.close());

const post = (path: string, body: unknown) =>
  new Request(`http://proxy.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });

async function start(env: object): Promise<{ bizToken: string; binding: string }> {
  const response = await handler.fetch(post('/web/sessions', { redirectUrl: RETURN_URL }), env);
  expect(response.status).toBe(201);
  const { bizToken, binding } = (await response.json()) as { bizToken: string; binding: string };
  return { bizToken, binding };
}

const bindingsFor = () => ({ FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: RETURN_URL, KV: {} });

describe('Workers bindings', () => {
  it('configure the app; equal values share one app, other values get another', async () => {
    const env = bindingsFor();
    const session = await start(env);
    const read = (target: object) => handler.fetch(post('/web/results', session), target);

    expect((await read(env)).status).toBe(200);
    expect((await read(bindingsFor())).status).toBe(200);
    expect((await read({ ...bindingsFor(), FACEID_TIMEOUT_MS: '5000' })).status).toBe(403);
  });

  it('with a bad variable answer 500 internal_error and log the variable, not the client', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const env = { ...bindingsFor(), FACEID_REGION: 'mars-1' };
    const first = await handler.fetch(new Request('http://proxy.test/health'), env);
    const second = await handler.fetch(new Request('http://proxy.test/health'), env);

    expect([first.status, second.status]).toEqual([500, 500]);
    expect(await first.json()).toEqual({
      error: { code: 'internal_error', message: 'The proxy is not configured', retryable: false },
    });
    expect(errors).toHaveBeenCalledOnce();
    expect(String(errors.mock.calls[0]?.[0])).toContain('FACEID_REGION');
    errors.mockRestore();
  });
});

describe('process.env', () => {
  it('configures the app when no bindings are given (Bun, Deno, Node)', async () => {
    vi.stubEnv('FACEID_ENDPOINT', simulator.url);
    vi.stubEnv('FACEID_REDIRECT_URLS', RETURN_URL);
    const health = await handler.fetch(new Request('http://proxy.test/health'));
    expect(await health.json()).toEqual({ ok: true, upstream: 'simulator', region: 'ap-singapore' });
    expect((await start({ remoteAddr: { hostname: '127.0.0.1' } })).bizToken).toMatch(/\S/);
    vi.unstubAllEnvs();
  });
});
