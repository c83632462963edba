// The Node server's deadlines and connection cap, against real sockets on 127.0.0.1: a client that sends its
// head or body slowly is cut within the deadline (+ Node's check interval), an idle keep-alive connection is
// closed, a connection over the cap is dropped, and a normal client is served meanwhile.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProxyOptions } from '../../test/proxy-testing.js';
import * as D from '../config/defaults.js';
import { ConfigError } from '../config/error.js';
import { serveFaceIdProxy, type RunningFaceIdProxy } from './serve.js';
import { CONNECTIONS_CHECK_INTERVAL_MS, resolveServerLimits } from './server-limits.js';

let simulator: { url: string; close(): Promise<void> };
let proxy: RunningFaceIdProxy;
const LIMITS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300, maxConnections: 4 };

beforeAll(async () => {
  simulator = await serveSimulator({});
  proxy = await serveFaceIdProxy({ ...testProxyOptions(simulator.url), server: LIMITS });
});
afterAll(async () => {
  await proxy?.close();
  await simulator?.close();
});

/** A raw connection to the proxy; `text` collects what the server writes, `closed` resolves on close. */
async function rawSocket() {
  const { port } = new URL(proxy.url);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close').then(() => performance.now());
  return { socket, closed, text: () => text };
}

/** Writes one byte of `chunk` every 100 ms until the socket closes (the slow client itself, not a wait). */
function dribble(socket: Socket, chunk: string): void {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(chunk)), 100);
  socket.once('close', () => clearInterval(timer));
}

describe('the Node server limits', () => {
  it('cuts a client that sends its head slowly (slow loris) within headersTimeout, serving others meanwhile', async () => {
    const slow = await rawSocket();
    const started = performance.now();
    slow.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    dribble(slow.socket, 'X-Slow: 1\r\n');
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
    const closedAt = await slow.closed;
    expect(closedAt - started).toBeLessThan(LIMITS.headersTimeoutMs + CONNECTIONS_CHECK_INTERVAL_MS + 500);
    expect(slow.text()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts a client that sends its body slowly within requestTimeout', async () => {
    const slow = await rawSocket();
    const started = performance.now();
    slow.socket.write(
      'POST /web/results HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    dribble(slow.socket, ' ');
    const closedAt = await slow.closed;
    expect(closedAt - started).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 50);
    expect(closedAt - started).toBeLessThan(LIMITS.requestTimeoutMs + CONNECTIONS_CHECK_INTERVAL_MS + 500);
  });

  it('closes an idle keep-alive connection after keepAliveTimeout', async () => {
    const idle = await rawSocket();
    idle.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await once(idle.socket, 'data');
    const answeredAt = performance.now();
    expect(idle.text()).toMatch(/^HTTP\/1\.1 200 /);
    const idleMs = (await idle.closed) - answeredAt;
    expect(idleMs).toBeGreaterThanOrEqual(LIMITS.keepAliveTimeoutMs - 50);
    // Node keeps a 1 s grace over keepAliveTimeout on the socket (races with clients reusing it).
    expect(idleMs).toBeLessThan(LIMITS.keepAliveTimeoutMs + 1_000 + 500);
  });

  it('drops connections over maxConnections at once and accepts again below it', async () => {
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, rawSocket));
    // The server counts a connection once it accepted it: one answered request per socket proves it.
    for (const { socket } of held) socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await Promise.all(held.map(({ socket }) => once(socket, 'data')));
    const extra = await rawSocket();
    extra.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await extra.closed;
    expect(extra.text()).toBe('');
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map(({ closed }) => closed));
    await expect.poll(async () => (await fetch(`${proxy.url}/health`)).status).toBe(200);
  });
});

describe('resolveServerLimits', () => {
  it('defaults to the named constants, requestTimeout at most 30 s', () => {
    expect(resolveServerLimits()).toEqual({
      headersTimeoutMs: D.DEFAULT_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: D.DEFAULT_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: D.DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: D.DEFAULT_MAX_CONNECTIONS,
    });
    expect(D.DEFAULT_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
  });

  it.each([
    ['server.requestTimeoutMs', { requestTimeoutMs: 300_000 }],
    ['server.headersTimeoutMs', { headersTimeoutMs: 20_000, requestTimeoutMs: 10_000 }],
    ['server.keepAliveTimeoutMs', { keepAliveTimeoutMs: 0 }],
    ['server.maxConnections', { maxConnections: 1.5 }],
  ])('refuses a bad %s', (option, limits) => {
    const error = (() => {
      try {
        resolveServerLimits(limits);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe(option);
  });
});
