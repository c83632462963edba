// Integrator options over real loopback sockets: beforeSession (Extra, refusal), the legacy flow, media opt-in.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../node/serve.js';
import { createFaceIdProxy } from './app.js';
import {
  finishOnHostedPage,
  postJson,
  RETURN_URL,
  startWebSession,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
  type OptionOverrides,
} from '../../test/proxy-testing.js';
import type { WebVerificationResult } from './types.js';

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
const atSimulator = (url: string, init: RequestInit) => fetch(url, init);

async function withProxy(overrides: OptionOverrides, run: (atProxy: typeof atSimulator) => Promise<void>) {
  const proxy = await serveFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now, ...overrides }));
  try {
    await run((path, init) => fetch(`${proxy.url}${path}`, init));
  } finally {
    await proxy.close();
  }
}

async function passedResult(atProxy: typeof atSimulator): Promise<WebVerificationResult> {
  const session = await startWebSession(atProxy);
  await finishOnHostedPage(atSimulator, session.verificationUrl, 'pass');
  const response = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
  expect(response.status).toBe(200);
  return (await response.json()) as WebVerificationResult;
}

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
});
afterAll(async () => {
  await simulator?.close();
});

describe('beforeSession', () => {
  it('supplies Extra server-side; it comes back in the result', async () => {
    const seen: string[] = [];
    await withProxy(
      {
        beforeSession: (c) => {
          seen.push(c.req.header('cookie') ?? '');
          return { extra: 'user-42' };
        },
      },
      async (atProxy) => {
        const result = await passedResult((path, init) =>
          atProxy(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: 'sid=abc' } }),
        );
        expect(result).toMatchObject({ status: 'passed', extra: 'user-42' });
        expect(seen).toEqual(['sid=abc']);
      },
    );
  });

  it('refuses with its own Response, and FaceID is never called', async () => {
    await withProxy({ beforeSession: () => new Response('login first', { status: 401 }) }, async (atProxy) => {
      const before = ((await (await fetch(`${simulator.url}/__simulator/calls`)).json()) as { calls: unknown[] }).calls;
      const response = await postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('login first');
      const after = ((await (await fetch(`${simulator.url}/__simulator/calls`)).json()) as { calls: unknown[] }).calls;
      expect(after.length).toBe(before.length);
    });
  });
});

describe("flow: 'legacy'", () => {
  it('uses ApplyWebVerificationToken / GetWebVerificationResult and gives the same result shape', async () => {
    const legacy: OptionOverrides = {
      flow: 'legacy',
      beforeSession: () => ({
        compareImageUrl: 'https://example-1250000000.cos.ap-singapore.myqcloud.com/compare/photo.jpg',
        compareImageMd5: '0cc175b9c0f1b6a831c399e269772661',
      }),
    };
    await withProxy(legacy, async (atProxy) => {
      const session = await startWebSession(atProxy);
      expect(Date.parse(session.expiresAt) - clock.now()).toBe(7200 * 1000);
      await finishOnHostedPage(atSimulator, session.verificationUrl, 'fail-compare');
      const response = await postJson(atProxy, '/web/results', {
        bizToken: session.bizToken,
        binding: session.binding,
      });
      const result = (await response.json()) as WebVerificationResult;
      expect(result.status).toBe('failed');
      expect(Object.keys(result).sort()).toEqual(
        ['attempts', 'errorCode', 'errorMessage', 'extra', 'requestId', 'similarity', 'status'].sort(),
      );
      const calls = (
        (await (await fetch(`${simulator.url}/__simulator/calls`)).json()) as { calls: { action: string }[] }
      ).calls;
      expect(calls.slice(-2).map((call) => call.action)).toEqual([
        'ApplyWebVerificationToken',
        'GetWebVerificationResult',
      ]);
    });
  });
});

describe('media', () => {
  it('are stripped by default and come back one by one when turned on', async () => {
    await withProxy({}, async (atProxy) => {
      const plain = await passedResult(atProxy);
      expect(JSON.stringify(plain)).not.toMatch(/videoBase64|bestFrameBase64|"ocr"/);
    });
    await withProxy({ media: { video: true, bestFrame: true } }, async (atProxy) => {
      const rich = await passedResult(atProxy);
      expect(rich.videoBase64).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(rich.bestFrameBase64).toMatch(/^\/9j\//);
      expect(rich).not.toHaveProperty('ocr');
    });
  });
});

describe('mounted under a prefix', () => {
  it("keeps its routes, error envelope and log route names under the integrator's app", async () => {
    const lines: string[] = [];
    const site = new Hono();
    site.route(
      '/faceid',
      createFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now, logger: (l) => void lines.push(l) })),
    );
    const atSite = async (path: string, init: RequestInit) => site.request(`/faceid${path}`, init);
    const session = await startWebSession(atSite);
    await finishOnHostedPage(atSimulator, session.verificationUrl, 'pass');
    const result = await postJson(atSite, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    expect(((await result.json()) as WebVerificationResult).status).toBe('passed');
    const refused = await postJson(atSite, '/web/results', { bizToken: session.bizToken, binding: 'x' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'binding_invalid' } });
    expect(lines.map((line) => (JSON.parse(line) as { route: string }).route)).toEqual([
      'web.sessions',
      'web.results',
      'web.results',
    ]);
  });
});
