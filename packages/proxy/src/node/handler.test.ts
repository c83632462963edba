// createNodeHandler in real frameworks over loopback sockets, against the simulator: Express 5 with express.json()
// mounted before the proxy (the body is already consumed), Fastify with its JSON parser, and bare node:http.
// Each runs the same flow: health, a session start, the hosted page's Pass, a passed result read.
import { serveSimulator, type RunningSimulator } from '@faceid-verify/simulator/node';
import express from 'express';
import Fastify from 'fastify';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finishOnHostedPage,
  postJson,
  RETURN_URL,
  TEST_CREDENTIALS,
  testProxyOptions,
} from '../../test/proxy-testing.js';
import type { WebSession } from '../app/types.js';
import { createNodeHandler } from './handler.js';

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await serveSimulator({ port: 0, credentials: [TEST_CREDENTIALS] });
});
afterAll(() => simulator.close());

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Mounted {
  /** The proxy's base URL, e.g. http://127.0.0.1:1234/faceid. */
  base: string;
  close(): Promise<void>;
}

async function expressApp(): Promise<Mounted> {
  const app = express();
  app.use(express.json());
  app.use('/faceid', createNodeHandler(testProxyOptions(simulator.url)));
  app.post('/app/echo', (req, res) => void res.json({ seen: req.body as unknown }));
  const server = createServer(app);
  const url = await listen(server);
  return { base: `${url}/faceid`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function fastifyApp(): Promise<Mounted> {
  const app = Fastify();
  app.all('/faceid/*', createNodeHandler({ ...testProxyOptions(simulator.url), prefix: '/faceid' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { base: `${url}/faceid`, close: () => app.close() };
}

async function nodeHttpApp(): Promise<Mounted> {
  const server = createServer(createNodeHandler({ ...testProxyOptions(simulator.url), prefix: '/faceid' }));
  const url = await listen(server);
  return { base: `${url}/faceid`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each([
  ['Express 5 behind express.json()', expressApp],
  ['Fastify', fastifyApp],
  ['node:http', nodeHttpApp],
])('createNodeHandler in %s', (_name, mount) => {
  let app: Mounted;
  beforeAll(async () => {
    app = await mount();
  });
  afterAll(() => app.close());
  const atProxy = (path: string, init: RequestInit) => fetch(`${app.base}${path}`, init);

  it('answers health, starts a session and reads a passed result', async () => {
    expect(await (await fetch(`${app.base}/health`)).json()).toMatchObject({ ok: true, upstream: 'simulator' });
    const started = await postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL });
    expect(started.status).toBe(201);
    const session = (await started.json()) as WebSession;
    expect(await finishOnHostedPage(fetch, session.verificationUrl, 'pass')).toContain(`token=${session.bizToken}`);

    const result = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    expect(result.status).toBe(200);
    expect(await result.json()).toMatchObject({ status: 'passed', errorCode: 0 });
  });

  it('puts the handoff link and the mode pages under the mount path', async () => {
    const started = await postJson(atProxy, '/web/sessions', { mode: 'handoff' });
    expect(started.status).toBe(201);
    const session = (await started.json()) as WebSession;
    expect(session.handoffUrl?.startsWith(`${app.base}/web/handoff/${session.bizToken}?`)).toBe(true);
    const link = await fetch(session.handoffUrl ?? '', { redirect: 'manual' });
    expect(link.status).toBe(303);
    expect(await finishOnHostedPage(fetch, session.verificationUrl, 'pass')).toBe(
      `${app.base}/web/handoff/done?token=${session.bizToken}`,
    );
    const done = await fetch(`${app.base}/web/handoff/done?token=${session.bizToken}`);
    expect(await done.text()).toContain('Done — return to your computer');
  });

  it('keeps the strict schema on a pre-parsed body: an unknown field is 400 invalid_request', async () => {
    const response = await postJson(atProxy, '/web/sessions', { redirectUrl: 'https://app.example.com/', Extra: 'x' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

describe('createNodeHandler in Express', () => {
  it('leaves the routes outside its mount to the app', async () => {
    const app = await expressApp();
    const origin = new URL(app.base).origin;
    const echoed = await postJson((path, init) => fetch(`${origin}${path}`, init), '/app/echo', { a: 1 });
    expect(await echoed.json()).toEqual({ seen: { a: 1 } });
    await app.close();
  });
});
