// serveFaceIdProxy over loopback: Node defaults injected, the inbound limit keyed by peer address, and close():
// prompt with idle keep-alive clients (Vite's dev proxy keeps its sockets), graceful for requests in flight.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { Agent, request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceIdProxy } from '../app/index.js';
import { APP_ORIGIN, RETURN_URL, TEST_CREDENTIALS, testProxyOptions } from '../../test/proxy-testing.js';
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

/** Resolves with the response and its body text. */
function answer(response: IncomingMessage): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (body += chunk));
    response.once('end', () => resolve({ status: response.statusCode ?? 0, body }));
    response.once('error', reject);
  });
}

/**
 * A session start on `agent` sent in two halves: resolves `headed` once the server has parsed the head (it answered
 * `100 Continue`, so the request is in flight on the server), `finish()` sends the rest and resolves the answer.
 */
function startInTwoHalves(url: string, agent: Agent) {
  const body = Buffer.from(JSON.stringify({ redirectUrl: RETURN_URL }));
  const outgoing = request(`${url}/web/sessions`, {
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': String(body.length),
      origin: APP_ORIGIN,
      expect: '100-continue',
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    outgoing.once('response', (response) => void answer(response).then(resolve, reject));
    outgoing.once('error', reject);
  });
  answered.catch(() => undefined); // a failing test may never await it
  const headed = new Promise<void>((resolve) => outgoing.once('continue', () => resolve()));
  outgoing.flushHeaders();
  return {
    headed,
    answered,
    finish: () => {
      outgoing.end(body);
      return answered;
    },
    abort: () => outgoing.destroy(),
  };
}

/** Milliseconds `promise` takes to settle. */
async function timed(promise: Promise<unknown>): Promise<number> {
  const started = performance.now();
  await promise;
  return performance.now() - started;
}

describe('serveFaceIdProxy close()', () => {
  it('resolves promptly while a keep-alive client holds an idle connection, and drops it', async () => {
    const proxy = await serveFaceIdProxy(testProxyOptions(simulator.url));
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    try {
      const health = await answer(
        await new Promise<IncomingMessage>((resolve, reject) =>
          request(`${proxy.url}/health`, { agent }, resolve).once('error', reject).end(),
        ),
      );
      expect(health.status).toBe(200);
      const idle = Object.values(agent.freeSockets).flat();
      expect(idle).toHaveLength(1);
      const dropped = new Promise<void>((resolve) => idle[0]?.once('close', () => resolve()));
      // Well under both the 5 s grace and the 5 s keep-alive timeout: the idle socket is not waited for.
      expect(await timed(proxy.close())).toBeLessThan(1_000);
      await dropped;
    } finally {
      agent.destroy();
    }
  });

  it('lets a request in flight finish, then resolves without waiting out the grace', async () => {
    const proxy = await serveFaceIdProxy(testProxyOptions(simulator.url));
    const agent = new Agent({ keepAlive: true });
    try {
      const inFlight = startInTwoHalves(proxy.url, agent);
      await inFlight.headed;
      const closed = proxy.close();
      await expect(fetch(`${proxy.url}/health`)).rejects.toThrow();
      const started = performance.now();
      const session = await inFlight.finish();
      expect(session.status).toBe(201);
      expect(JSON.parse(session.body)).toMatchObject({ bizToken: expect.any(String), binding: expect.any(String) });
      await closed;
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      agent.destroy();
    }
  });

  it('refuses a bad graceMs (RangeError, still open); a second call shares the first one', async () => {
    const proxy = await serveFaceIdProxy(testProxyOptions(simulator.url));
    await expect(proxy.close({ graceMs: -1 })).rejects.toThrow(RangeError);
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
    const first = proxy.close();
    expect(proxy.close()).toBe(first);
    await first;
  });

  it('cuts a request still in flight when the grace is over', async () => {
    const proxy = await serveFaceIdProxy(testProxyOptions(simulator.url));
    const agent = new Agent({ keepAlive: true });
    try {
      const stalled = startInTwoHalves(proxy.url, agent);
      await stalled.headed;
      const elapsed = await timed(proxy.close({ graceMs: 300 }));
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(2_000);
      await expect(stalled.answered).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });
});
