/**
 * Real Chromium (headless, via playwright-core): open a VerificationURL, click each outcome button, land on
 * RedirectURL?token=…, then the result call returns that outcome. The RedirectURL is a tiny local site.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { serveSimulator, type RunningSimulator } from './node.js';
import { signedApiRequest, type ApiReply } from './sign-request.js';
import { PAGE_OUTCOMES } from './types.js';

let browser: Browser;
let simulator: RunningSimulator;
let site: http.Server;
let siteUrl: string;
const cspViolations: string[] = [];

beforeAll(async () => {
  simulator = await serveSimulator({ testControls: true });
  site = http.createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><title>Site</title><h1>Back on the site</h1><p>${request.url ?? ''}</p>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
});

afterAll(async () => {
  await browser?.close();
  await simulator?.close();
  await new Promise((resolve) => site?.close(resolve));
});

async function api(action: string, params: object): Promise<ApiReply['Response']> {
  const request = await signedApiRequest(action, params, { host: '127.0.0.1', url: `${simulator.url}/` });
  return ((await (await fetch(request)).json()) as ApiReply).Response;
}

async function startFlow(redirectPath: string): Promise<{ token: string; url: string }> {
  const reply = await api('ApplyWebVerificationBizTokenIntl', {
    RedirectURL: `${siteUrl}${redirectPath}`,
    Config: { CheckMode: 2, Language: 'en', ThemeColor: '#0a7d4f' },
  });
  return { token: String(reply.BizToken), url: String(reply.VerificationURL) };
}

describe('hosted page in Chromium', () => {
  const expectedCode = { pass: 0, 'fail-liveness': 1005, 'fail-compare': 2016, timeout: 1409, quit: 1410 } as const;

  for (const { outcome, label } of PAGE_OUTCOMES) {
    it(`"${label}" lands on RedirectURL?token= and the result says ${expectedCode[outcome]}`, async () => {
      const { token, url } = await startFlow('/kyc/return?step=2#top');
      const page = await browser.newPage();
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      try {
        await page.goto(url);
        await expect(page.title()).resolves.toBe('FaceID Simulator');
        await page.getByRole('button', { name: label, exact: true }).click();
        await page.waitForURL((target) => target.origin === siteUrl);
        expect(page.url()).toBe(`${siteUrl}/kyc/return?step=2&token=${token}#top`);
        await expect(page.locator('h1').textContent()).resolves.toBe('Back on the site');
      } finally {
        await page.close();
      }
      const result = await api('GetWebVerificationResultIntl', { BizToken: token });
      expect(result.ErrorCode).toBe(expectedCode[outcome]);
      expect(cspViolations).toEqual([]);
    });
  }

  it('"Back to site" returns without a token and leaves the flow unfinished', async () => {
    const { token, url } = await startFlow('/kyc/return');
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.getByRole('link', { name: 'Back to site' }).click();
      await page.waitForURL(`${siteUrl}/kyc/return`);
    } finally {
      await page.close();
    }
    const result = await api('GetWebVerificationResultIntl', { BizToken: token });
    expect(result).toMatchObject({ ErrorCode: null, VerificationDetailList: [] });
  });

  it('applies the stylesheet under its CSP and shows an error page for a used token', async () => {
    const { url } = await startFlow('/kyc/return');
    const page = await browser.newPage();
    try {
      await page.goto(url);
      const accent = await page.locator('h1').evaluate((element) => getComputedStyle(element).color);
      expect(accent).toBe('rgb(10, 125, 79)');
      await page.getByRole('button', { name: 'Pass', exact: true }).click();
      await page.waitForURL((target) => target.origin === siteUrl);
      const again = await page.goto(url);
      expect(again?.status()).toBe(409);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('already been completed');
    } finally {
      await page.close();
    }
  });
});
