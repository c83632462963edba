/* eslint-disable no-empty-pattern -- Playwright reads a fixture's dependencies from its destructured first argument. */
// Fixtures and steps shared by the specs: the running stack's URLs, the simulator's test controls, the demo
// server's proxy switch, and the user's moves through a verification.
import { expect, test as base, type Page } from '@playwright/test';

/** The demo pages that embed the element. */
export const DEMO_PAGES = [
  { name: 'plain HTML', path: '/plain.html' },
  { name: 'React', path: '/react.html' },
  { name: 'Vue', path: '/vue.html' },
] as const;

/** The hosted page's outcome buttons (the simulator's labels). */
export type Outcome = 'Pass' | 'Fail liveness' | 'Fail face comparison' | 'Time out' | 'Quit';

export interface SimulatorControls {
  /** How many upstream calls of this Action the simulator has received so far. */
  countCalls(action: string): Promise<number>;
  /** Lets `ms` pass on the server side: the simulator's clock and the proxy's move together. */
  advanceClock(ms: number): Promise<void>;
}

export interface DemoControls {
  /** Stops or restarts the proxy at /faceid (a stopped proxy drops each connection). */
  setProxyRunning(running: boolean): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with playwright test -c e2e/playwright.config.ts`);
  return value;
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}

export const test = base.extend<{ simulator: SimulatorControls; demo: DemoControls }>({
  baseURL: async ({}, use) => use(required('E2E_BASE_URL')),
  simulator: async ({}, use) => {
    const url = required('E2E_SIMULATOR_URL');
    await use({
      countCalls: async (action) => {
        const { calls } = (await (await fetch(`${url}/__simulator/calls`)).json()) as { calls: { action: string }[] };
        return calls.filter((call) => call.action === action).length;
      },
      advanceClock: async (ms) => {
        await postJson(`${url}/__simulator/clock`, { advanceMs: ms });
        await postJson(`${required('E2E_BASE_URL')}__demo/clock`, { advanceMs: ms });
      },
    });
  },
  demo: async ({}, use) => {
    const url = required('E2E_BASE_URL');
    await use({ setProxyRunning: (running) => postJson(`${url}__demo/proxy`, { running }) });
    await postJson(`${url}__demo/proxy`, { running: true });
  },
});

export { expect };

/** The result read of the web flow: what must not repeat for PII. */
export const RESULT_ACTION = 'GetWebVerificationResultIntl';

/**
 * Opens a demo page, clicks "Verify identity" and waits for the simulator's hosted page.
 * @returns the BizToken in the hosted page's address.
 */
export async function startVerification(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Verify identity' }).click();
  await expect(page).toHaveTitle('FaceID Simulator');
  const token = new URL(page.url()).searchParams.get('token');
  expect(token, 'the hosted page carries the BizToken').toBeTruthy();
  return token ?? '';
}

/** Clicks an outcome on the hosted page and waits to be back on `path`. */
export async function finishWith(page: Page, outcome: Outcome, path: string): Promise<void> {
  await page.getByRole('button', { name: outcome, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === path);
}

/** The element's result heading (in its shadow root; Playwright's locators pierce it). */
export function resultHeading(page: Page, text: string) {
  return page.locator('faceid-verify').getByRole('heading', { name: text });
}

/**
 * Waits until the demo's server showed its decision, i.e. every result read of this flow happened. `Pending`
 * comes only after the page asked twice and the server waited 5 s each time for a webhook: allow ~15 s.
 */
export async function expectServerDecision(
  page: Page,
  decision: 'Approved' | 'Rejected' | 'Pending',
  options: { timeout?: number } = {},
): Promise<void> {
  await expect(page.getByText(new RegExp(`^${decision}: `))).toBeVisible(options);
}

/** The address bar must never keep the BizToken after the return. */
export async function expectNoTokenInAddressBar(page: Page): Promise<void> {
  await expect(page).toHaveURL((url) => !url.searchParams.has('token'));
}
