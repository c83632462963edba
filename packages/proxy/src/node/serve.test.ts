// serveFaceIdProxy over loopback: Node defaults injected, the inbound limit keyed by peer address.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceIdProxy } from '../app/index.js';
import { APP_ORIGIN, RETURN_URL, TEST_CREDENTIALS, testProxyOptions } from '../app/testing.js';
import { nodeTc3Crypto } from './crypto.js';
import { undiciFetch } from './fetch.js';
import { serveFaceIdProxy, withNodeDefaults } from './serve.js';

let simulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS] });
});
afterAll(async () => {
  await simulator?.close();
});

describe('serveFaceIdProxy', () => {
  it('injects node:crypto, undici and a per-peer client key, without overriding given ones', () => {
    const options = withNodeDefaults(testProxyOptions(simulator.url));
    expect(options.crypto).toBe(nodeTc3Crypto);
    expect(options.fetch).toBe(undiciFetch);
    expect(typeof options.clientKey).toBe('function');
    const own = async () => ({ status: 200, text: async () => '{}' });
    expect(withNodeDefaults(testProxyOptions(simulator.url, { fetch: own })).fetch).toBe(own);
  });

  it('limits each client: over the limit → 429 rate_limited with Retry-After, FaceID untouched', async () => {
    const proxy = await serveFaceIdProxy(
      testProxyOptions(simulator.url, { rateLimit: { windowMs: 60_000, limit: 2 } }),
    );
    try {
      const post = () =>
        fetch(`${proxy.url}/web/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
          body: JSON.stringify({ redirectUrl: RETURN_URL }),
        });
      expect((await post()).status).toBe(201);
      expect((await post()).status).toBe(201);
      const limited = await post();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
      expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('serves in-process app.request() with the Node defaults (no socket behind the request)', async () => {
    const app = createFaceIdProxy(
      withNodeDefaults(testProxyOptions(simulator.url, { rateLimit: { windowMs: 60_000, limit: 5 } })),
    );
    const response = await app.request('/web/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify({ redirectUrl: RETURN_URL }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ bizToken: expect.any(String), binding: expect.any(String) });
  });

  it('closes: the port stops answering', async () => {
    const proxy = await serveFaceIdProxy(testProxyOptions(simulator.url));
    await proxy.close();
    await expect(fetch(`${proxy.url}/health`)).rejects.toThrow();
  });
});
