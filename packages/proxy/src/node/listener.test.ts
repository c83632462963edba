// The lazy-body listener on a real node:http server: nothing is read before the route asks, a declared body is
// collected straight from the socket, a chunked one keeps the streaming path, and the belt limit holds.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyBodyListener } from './listener.js';

const MAX_BYTES = 1024;
let server: Server;
let url: string;

beforeAll(async () => {
  const app = new Hono();
  app.post('/text', async (c) => c.text(await c.req.text()));
  app.post('/json', async (c) => c.json(await c.req.json()));
  app.post('/bytes', async (c) => c.text(String((await c.req.arrayBuffer()).byteLength)));
  app.post('/stream', async (c) => c.text(String((await new Response(c.req.raw.body).arrayBuffer()).byteLength)));
  app.post('/limited', bodyLimit({ maxSize: 100 }), async (c) => c.text(await c.req.text()));
  app.onError((error, c) => (error instanceof HTTPException ? error.getResponse() : c.text(error.name, 413)));
  server = createServer(lazyBodyListener(app.fetch, MAX_BYTES));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('lazyBodyListener', () => {
  it('reads a declared body when the route asks: text, JSON, bytes', async () => {
    expect(await (await post('/text', 'héllo')).text()).toBe('héllo');
    expect(await (await post('/json', '{"a":[1,2]}')).json()).toEqual({ a: [1, 2] });
    expect(await (await post('/bytes', new Uint8Array(700))).text()).toBe('700');
    expect(await (await post('/stream', new Uint8Array(300))).text()).toBe('300');
  });

  it('keeps the streaming path for a chunked body', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('ab'));
        controller.enqueue(new TextEncoder().encode('cd'));
        controller.close();
      },
    });
    expect(await (await post('/text', chunks)).text()).toBe('abcd');
  });

  it('refuses a declared body over maxBytes without buffering it', async () => {
    const response = await post('/text', new Uint8Array(MAX_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('BodyTooLargeError');
  });

  it('serves a route behind hono bodyLimit without leaving the fast path', async () => {
    expect(await (await post('/limited', 'x'.repeat(100))).text()).toBe('x'.repeat(100));
    expect(await (await post('/limited', '')).text()).toBe('');
  });

  it.each([
    ['an unknown route', '/nope', 404],
    ['a route whose limit the declared length exceeds', '/limited', 413],
  ])(
    'reads nothing before the route asks: %s answers while the body is still being sent',
    async (_name, path, status) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      await once(socket, 'connect');
      // 12 MB declared, 1 KB sent: a listener that pre-read the body would never answer.
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${12 * 2 ** 20}\r\n\r\n`);
      socket.write(Buffer.alloc(1024));
      const [chunk] = (await once(socket, 'data')) as [Buffer];
      expect(chunk.toString()).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      socket.destroy();
    },
  );
});
