// <faceid-verify> on a page with a strict Content-Security-Policy (no inline script or style, Trusted Types
// required), through the whole redirect flow in real Chromium: the page (the built bundle, served by a tiny
// node:http server), the signing proxy and the simulator's hosted page, all on loopback. Zero
// `securitypolicyviolation` events, recorded by a same-origin script into sessionStorage across navigations.
import { serveFaceIdProxy, type RunningFaceIdProxy } from '@faceid-verify/proxy/node';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { serveSimulator, type RunningSimulator } from '@faceid-verify/simulator/node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { bundleElement, ENTRY_FILE } from '../scripts/bundle.mjs';

const SPY = `document.addEventListener('securitypolicyviolation', (event) => {
  const seen = JSON.parse(sessionStorage.getItem('csp-violations') || '[]');
  seen.push(event.violatedDirective + ' ' + event.blockedURI);
  sessionStorage.setItem('csp-violations', JSON.stringify(seen));
});`;

function policy(proxyUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${proxyUrl}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html', // Lit's own policy; nothing else may create one
  ].join('; ');
}

function page(proxyUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict CSP</title>
<script src="/spy.js"></script><script type="module" src="/${ENTRY_FILE}"></script></head>
<body><main><h1>Verify</h1><faceid-verify proxy="${proxyUrl}"></faceid-verify></main></body></html>`;
}

let simulator: RunningSimulator;
let proxy: RunningFaceIdProxy;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const bundle = await bundleElement(); // the entry and its lazy chunks (chunks/…)
  const routes: Record<string, () => [type: string, body: string | Uint8Array]> = {
    '/': () => ['text/html', page(proxy.url)],
    '/spy.js': () => ['text/javascript', SPY],
    ...Object.fromEntries(
      Object.entries(bundle).map(([name, bytes]) => [`/${name}`, () => ['text/javascript', bytes]]),
    ),
  };
  server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (!route) return void response.writeHead(404).end();
    const [type, body] = route();
    response.writeHead(200, { 'content-type': type, 'content-security-policy': policy(proxy.url) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  simulator = await serveSimulator({ port: 0 });
  proxy = await serveFaceIdProxy({
    credentials: DEMO_CREDENTIALS,
    endpoint: simulator.url,
    sandbox: true,
    allowedOrigins: [origin],
    redirectUrls: [`${origin}/`],
    logger: () => {},
    port: 0,
  });
  browser = await chromium.launch(chromiumLaunchOptions());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([proxy?.close(), simulator?.close()]);
  await new Promise((resolve) => server?.close(resolve));
});

describe('a page with script-src/style-src self and Trusted Types required', () => {
  test('runs the whole flow with zero CSP violations; the policy is really enforced', async () => {
    const tab = await browser.newPage();
    const violations = () => tab.evaluate(() => JSON.parse(sessionStorage.getItem('csp-violations') || '[]'));

    await tab.goto(`${origin}/`);
    await tab.getByRole('button', { name: 'Verify identity' }).click();
    await tab.waitForURL(`${simulator.url}/verify?**`);
    expect(await tab.title()).toBe('FaceID Simulator');
    await tab.getByRole('button', { name: 'Pass' }).click();
    await tab.getByRole('heading', { name: 'Identity verified' }).waitFor();

    expect(tab.url()).toBe(`${origin}/`); // back from the hosted page, `?token=` already scrubbed
    expect(await tab.locator('faceid-verify').getAttribute('state')).toBe('passed');
    expect(await violations()).toEqual([]);

    // Controls: the same page refuses an inline <style> and a string written to innerHTML.
    const refused = await tab.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
        return 'innerHTML allowed';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(refused).toBe('TypeError');
    await tab.waitForFunction(() => (sessionStorage.getItem('csp-violations') ?? '').includes('style-src'));
    const seen: string[] = await violations();
    expect(seen.some((entry) => entry.startsWith('require-trusted-types-for'))).toBe(true);
    await tab.close();
  }, 60_000);

  test('handoff mode: the lazily loaded QR view and its adopted styles, zero CSP violations', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`);
    await tab.locator('faceid-verify').evaluate((element) => element.setAttribute('mode', 'handoff'));
    await tab.getByRole('button', { name: 'Verify identity' }).click();
    const qr = tab.locator('faceid-verify [part="qr"]');
    await qr.waitFor();
    expect(await qr.evaluate((svg) => getComputedStyle(svg).width)).toBe('192px'); // --faceid-qr-size: 12rem
    const copy = tab.locator('faceid-verify [part="copy"]');
    expect(await copy.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await tab.evaluate(() => JSON.parse(sessionStorage.getItem('csp-violations') || '[]'))).toEqual([]);
    await tab.close();
  }, 60_000);
});
