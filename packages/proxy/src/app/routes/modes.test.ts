// The tab and handoff modes over real loopback sockets: the simulator and the proxy on 127.0.0.1, the desktop's
// and the phone's parts played with fetch. The wait is answered from the ledger, paced upstream.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../../node/serve.js';
import { createFaceIdProxy } from '../app.js';
import { WAIT_TIMING } from '../flow-wait.js';
import {
  APP_ORIGIN,
  finishOnHostedPage,
  postJson,
  RETURN_URL,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../../test/proxy-testing.js';
import type { WebSession, WebVerificationResult } from '../types.js';
import { acceptedLanguage } from './modes.js';

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };
const logLines: string[] = [];

const atProxy = (path: string, init: RequestInit) => fetch(`${proxy.url}${path}`, init);
const atSimulator = (url: string, init: RequestInit) => fetch(url, init);

async function resultReads(): Promise<number> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  const { calls } = (await response.json()) as { calls: { action: string }[] };
  return calls.filter((call) => call.action === 'GetWebVerificationResultIntl').length;
}

async function session(mode: 'tab' | 'handoff'): Promise<WebSession> {
  const response = await postJson(atProxy, '/web/sessions', { mode, language: 'en' });
  expect(response.status).toBe(201);
  return (await response.json()) as WebSession;
}

async function wait(bizToken: string, binding?: string, signal?: AbortSignal) {
  const response = await fetch(`${proxy.url}/web/results/wait`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
    body: JSON.stringify(binding === undefined ? { bizToken } : { bizToken, binding }),
    ...(signal ? { signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as WebVerificationResult | { status: 'pending' } };
}

const page = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${proxy.url}${path}`, { redirect: 'manual', headers });

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
  proxy = await serveFaceIdProxy(
    testProxyOptions(simulator.url, { now: clock.now, logger: (line) => void logLines.push(line) }),
  );
});
afterAll(async () => {
  await proxy?.close();
  await simulator?.close();
});
beforeEach(async () => {
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
});

describe('POST /web/sessions with a mode', () => {
  it('tab: the RedirectURL is the proxy’s /web/return page; no handoff link', async () => {
    const started = await session('tab');
    expect(started.handoffUrl).toBeUndefined();
    const location = await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass');
    expect(location).toBe(`${proxy.url}/web/return?token=${started.bizToken}`);
  });

  it('handoff: the RedirectURL is /web/handoff/done; the answer carries the absolute handoff link', async () => {
    const started = await session('handoff');
    expect(started.handoffUrl).toMatch(new RegExp(`^${proxy.url}/web/handoff/${started.bizToken}\\?e=\\d+&u=`));
    const location = await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass');
    expect(location).toBe(`${proxy.url}/web/handoff/done?token=${started.bizToken}`);
  });

  it('redirect (the default) keeps needing a configured return URL', async () => {
    const redirect = await postJson(atProxy, '/web/sessions', { mode: 'redirect', redirectUrl: RETURN_URL });
    expect(redirect.status).toBe(201);
    expect(((await redirect.json()) as WebSession).handoffUrl).toBeUndefined();
    const missing = await postJson(atProxy, '/web/sessions', { language: 'en' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses a redirectUrl in tab and handoff modes, and an unknown mode', async () => {
    for (const body of [
      { mode: 'tab', redirectUrl: RETURN_URL },
      { mode: 'handoff', redirectUrl: 'https://evil.example/' },
      { mode: 'popup' },
    ]) {
      const response = await postJson(atProxy, '/web/sessions', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('under a Hono mount, the pages and the link are under the mount path', async () => {
    const app = new Hono().route('/faceid', createFaceIdProxy(testProxyOptions(simulator.url, { now: clock.now })));
    const response = await app.request('http://app.example.com/faceid/web/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify({ mode: 'handoff' }),
    });
    expect(response.status).toBe(201);
    const started = (await response.json()) as WebSession;
    expect(started.handoffUrl).toMatch(/^http:\/\/app\.example\.com\/faceid\/web\/handoff\//);
    const link = await app.request(started.handoffUrl ?? '');
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe(started.verificationUrl);
    const location = await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass');
    expect(location).toBe(`http://app.example.com/faceid/web/handoff/done?token=${started.bizToken}`);
  });
});

describe('the publicUrl option', () => {
  it('is the base of the pages and the link, whatever the request URL', async () => {
    const app = createFaceIdProxy(
      testProxyOptions(simulator.url, { now: clock.now, publicUrl: 'https://app.example.com/kyc/faceid/' }),
    );
    const response = await app.request('http://10.0.0.5:8787/web/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify({ mode: 'handoff' }),
    });
    const started = (await response.json()) as WebSession;
    expect(started.handoffUrl).toMatch(/^https:\/\/app\.example\.com\/kyc\/faceid\/web\/handoff\/[A-Z0-9-]+\?e=/);
    const location = await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass');
    expect(location).toBe(`https://app.example.com/kyc/faceid/web/handoff/done?token=${started.bizToken}`);
  });
});

describe('GET /web/handoff/{bizToken}: the phone’s link', () => {
  it('sends the phone on to the hosted page (303) while the BizToken lives', async () => {
    const started = await session('handoff');
    const response = await page(new URL(started.handoffUrl ?? '').pathname + new URL(started.handoffUrl ?? '').search);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(started.verificationUrl);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers 410 with a clear page for an altered, foreign, expired or settled link', async () => {
    const started = await session('handoff');
    const link = new URL(started.handoffUrl ?? '');
    const other = await session('handoff');
    const altered = new URL(link);
    altered.searchParams.set('u', Buffer.from('https://evil.example/').toString('base64url'));
    const later = new URL(link);
    later.searchParams.set('e', String(Number(link.searchParams.get('e')) + 3600));
    const swapped = new URL(link);
    swapped.pathname = `/web/handoff/${other.bizToken}`;
    const bare = new URL(link);
    bare.search = '';
    for (const url of [altered, later, swapped, bare]) {
      const response = await page(url.pathname + url.search);
      expect(response.status, url.href).toBe(410);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('This link has expired');
    }

    // Settled: the phone finished, the done page recorded the verdict.
    await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass');
    await page(`/web/handoff/done?token=${started.bizToken}`);
    expect((await page(link.pathname + link.search)).status).toBe(410);

    // Past the BizToken's life.
    expect((await page(new URL(other.handoffUrl ?? '').pathname + new URL(other.handoffUrl ?? '').search)).status).toBe(
      303,
    );
    clock.advance(11 * 60 * 1000);
    const expired = await page(new URL(other.handoffUrl ?? '').pathname + new URL(other.handoffUrl ?? '').search, {
      'accept-language': 'th-TH,th;q=0.9,en;q=0.5',
    });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('ลิงก์นี้หมดอายุแล้ว');
  });

  it('holding the link reads no result: the wait and /web/results need the binding', async () => {
    const started = await session('handoff');
    await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass');
    expect((await wait(started.bizToken)).status).toBe(403);
    expect((await wait(started.bizToken, 'not-a-binding')).status).toBe(403);
    const other = await session('handoff');
    expect((await wait(started.bizToken, other.binding)).status).toBe(403);
    const results = await postJson(atProxy, '/web/results', { bizToken: started.bizToken });
    expect(results.status).toBe(403);
  });
});

describe('the proxy’s pages', () => {
  it('/web/handoff/done records the verdict with one read and shows no result', async () => {
    const started = await session('handoff');
    await finishOnHostedPage(atSimulator, started.verificationUrl, 'fail-liveness');
    const before = await resultReads();
    const response = await page(`/web/handoff/done?token=${started.bizToken}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Done — return to your computer');
    expect(html).not.toMatch(/fail|pass|verified|script/i);
    expect(await resultReads()).toBe(before + 1);
    // A reload reads nothing more: the flow is settled.
    await page(`/web/handoff/done?token=${started.bizToken}`);
    expect(await resultReads()).toBe(before + 1);
    // The desktop's wait answers from the ledger at once, without an upstream call.
    const answer = await wait(started.bizToken, started.binding);
    expect(answer).toMatchObject({ status: 200, body: { status: 'failed' } });
    expect(await resultReads()).toBe(before + 1);
  });

  it('/web/handoff/done for an unknown or odd token reads nothing', async () => {
    const before = await resultReads();
    for (const query of ['', '?token=unknown-token', '?token=%3Cscript%3E']) {
      const response = await page(`/web/handoff/done${query}`);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('<script');
    }
    expect(await resultReads()).toBe(before);
  });

  it('/web/return tells the opener with a nonce-allowed script and keeps the opener reachable', async () => {
    const response = await page('/web/return?token=abc', { 'accept-language': 'zh-TW' });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(csp).toContain("default-src 'none'");
    expect(response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(html).toContain('BroadcastChannel');
    expect(html).toContain(JSON.stringify([APP_ORIGIN]));
    expect(html).toContain('您可以關閉此分頁');
    expect(html).not.toContain('abc');
  });

  it('picks the page language from Accept-Language', () => {
    expect(acceptedLanguage(undefined)).toBe('en');
    expect(acceptedLanguage('id-ID,id;q=0.9')).toBe('id');
    expect(acceptedLanguage('zh-CN,zh;q=0.9')).toBe('zh-cn');
    expect(acceptedLanguage('zh-Hant-HK')).toBe('zh-tc');
    expect(acceptedLanguage('de-DE,th;q=0.5')).toBe('th');
    expect(acceptedLanguage('en-GB,th;q=0.5')).toBe('en');
  });
});

describe('POST /web/results/wait', () => {
  it('holds a pending flow and answers the verdict once FaceID has it, with paced upstream reads', async () => {
    const started = await session('handoff');
    const before = await resultReads();
    const began = Date.now();
    const answer = wait(started.bizToken, started.binding);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await finishOnHostedPage(atSimulator, started.verificationUrl, 'pass'); // the phone never loads the done page
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'passed', errorCode: 0 });
    const took = Date.now() - began;
    expect(took).toBeGreaterThanOrEqual(WAIT_TIMING.upstreamEveryMs);
    expect(took).toBeLessThan(WAIT_TIMING.upstreamEveryMs + 2_000);
    expect(await resultReads()).toBe(before + 1);
  });

  it('answers a settled flow at once from the ledger', async () => {
    const started = await session('handoff');
    await finishOnHostedPage(atSimulator, started.verificationUrl, 'quit');
    await page(`/web/handoff/done?token=${started.bizToken}`);
    const began = Date.now();
    const { body } = await wait(started.bizToken, started.binding);
    expect(body).toMatchObject({ status: 'incomplete', errorCode: 1410 });
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it('ends the held request when the client goes away', async () => {
    const started = await session('handoff');
    const controller = new AbortController();
    const answer = wait(started.bizToken, started.binding, controller.signal).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = logLines.length;
    controller.abort();
    expect(await answer).toBeInstanceOf(Error);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const ended = logLines.slice(seen).map((line) => JSON.parse(line) as { route: string; latencyMs: number });
    const line = ended.find((entry) => entry.route === 'web.results.wait');
    expect(line?.latencyMs).toBeLessThan(3_000);
  });
});
