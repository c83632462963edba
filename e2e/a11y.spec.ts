// axe-core (WCAG 2.2 AA) on the demo's plain page in every state of every mode (redirect, tab, handoff), light and
// dark (`prefers-color-scheme`, which the demo page and the element honour), against the whole stack. axe checks
// the element (its colours judged against the page behind it); the element's own browser test
// (packages/element/src/a11y.browser.test.ts) does the same on a bare page.
import { devices, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, finishWith, resultHeading, startVerification, test, type Outcome } from './fixtures.js';

const PLAIN = '/plain.html';
// An init script of every document (the demo's CSP, script-src 'self', rightly refuses an inline <script>): axe
// is there before the element starts, so a check does not spend its time loading it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
const BIZ_TOKEN_START_TTL_MS = 10 * 60_000;
const HOLD_MS = 10_000;
/** A state reached after several requests (tab mode's incomplete re-reads): generous on a loaded machine. */
const SETTLE_MS = 20_000;

// Each test walks several flows, with an axe run in each state.
test.describe.configure({ timeout: 120_000 });

/** The demo page's background in each scheme (demo.css): proof that the scheme is the one emulated. */
const PAGE_BACKGROUND = { light: 'rgb(244, 246, 248)', dark: 'rgb(13, 17, 23)' } as const;

/**
 * The `state` attribute the element must show, the page in `scheme`, then axe's WCAG 2.2 AA check of the element
 * (shadow DOM included): rules passed, none violated.
 */
async function expectAxeClean(page: Page, state: string, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await expect(page.locator('faceid-verify')).toHaveAttribute('state', state, { timeout: SETTLE_MS });
  await expect(page.locator('html')).toHaveCSS('background-color', PAGE_BACKGROUND[scheme]);
  const { passes, violations } = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(['faceid-verify'], {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return {
      passes: results.passes.length,
      violations: results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      ),
    };
  });
  expect(passes, 'axe ran its rules').toBeGreaterThan(2);
  expect(violations, `axe in state ${state}, ${scheme}`).toEqual([]);
}

/**
 * Holds every `POST /faceid/web/results` until `release()`, at most HOLD_MS: the element stays `checking`
 * meanwhile, and its request does not reach its own timeout (15 s) on a loaded machine.
 */
async function holdResultReads(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, HOLD_MS);
  });
  await page.route('**/faceid/web/results', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** A phone: a separate browser context emulating a Pixel 7. */
async function phone(browser: Browser): Promise<Page> {
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  return (await browser.newContext(pixel)).newPage();
}

/** Handoff: Verify identity, the QR code shown (`redirecting`); @returns the handoff link. */
async function startHandoff(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Verify identity' }).click();
  await expect(page.locator('faceid-verify [part="qr"]')).toBeVisible();
  return (await page.locator('faceid-verify [part="handoff-link"]').getAttribute('href')) ?? '';
}

async function finishOnPhone(browser: Browser, link: string, outcome: Outcome): Promise<void> {
  const mobile = await phone(browser);
  try {
    await mobile.goto(link);
    await mobile.getByRole('button', { name: outcome, exact: true }).click();
    await expect(mobile.getByRole('heading', { name: 'Done — return to your computer' })).toBeVisible();
  } finally {
    await mobile.context().close();
  }
}

for (const colorScheme of SCHEMES) {
  test.describe(`${colorScheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.addInitScript({ content: AXE_SOURCE });
    });

    test('redirect: idle, redirecting, checking, passed, failed, incomplete', async ({ page }) => {
      await page.goto(PLAIN);
      await expectAxeClean(page, 'idle', colorScheme);
      const release = await holdResultReads(page);
      await startVerification(page, PLAIN);
      await finishWith(page, 'Pass', PLAIN);
      await expectAxeClean(page, 'checking', colorScheme);
      release();
      await expect(resultHeading(page, 'Identity verified')).toBeVisible();
      await expectAxeClean(page, 'passed', colorScheme);
      await page.unroute('**/faceid/web/results');

      await startVerification(page, PLAIN);
      await finishWith(page, 'Fail liveness', PLAIN);
      await expectAxeClean(page, 'failed', colorScheme);
      await startVerification(page, PLAIN);
      await finishWith(page, 'Quit', PLAIN);
      await expectAxeClean(page, 'incomplete', colorScheme);

      // Redirecting: the page cancels the navigation (faceid-redirect), so the view stays to be checked.
      await page.evaluate(() =>
        document.addEventListener('faceid-redirect', (event) => event.preventDefault(), { capture: true }),
      );
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectAxeClean(page, 'redirecting', colorScheme);
    });

    test('redirect: expired and error', async ({ page, simulator, demo }) => {
      const token = await startVerification(page, PLAIN);
      await simulator.advanceClock(BIZ_TOKEN_START_TTL_MS + 60_000);
      await page.goto(`${PLAIN}?token=${encodeURIComponent(token)}`);
      await expectAxeClean(page, 'expired', colorScheme);

      await demo.setProxyRunning(false);
      await page.getByRole('button', { name: 'Start over' }).click();
      await expectAxeClean(page, 'error', colorScheme);
      await expect(page.locator('faceid-verify').getByRole('button', { name: 'Try again' })).toBeVisible();
    });

    test('tab: idle, redirecting, passed, failed, incomplete, error', async ({ page }) => {
      for (const [outcome, state] of [
        ['Pass', 'passed'],
        ['Fail liveness', 'failed'],
        [null, 'incomplete'], // the user closes the tab without finishing
      ] as const) {
        await page.goto(`${PLAIN}?mode=tab`);
        await expectAxeClean(page, 'idle', colorScheme);
        const opened = page.waitForEvent('popup');
        await page.getByRole('button', { name: 'Verify identity' }).click();
        const popup = await opened;
        await expect(popup).toHaveTitle('FaceID Simulator');
        await expectAxeClean(page, 'redirecting', colorScheme);
        if (outcome) await popup.getByRole('button', { name: outcome, exact: true }).click();
        else await popup.close();
        await expectAxeClean(page, state, colorScheme);
      }
      // A blocked pop-up: the error view ("Allow pop-ups for this site") with its retry.
      await page.evaluate(() => (window.open = () => null));
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectAxeClean(page, 'error', colorScheme);
      await expect(page.locator('faceid-verify')).toContainText('Allow pop-ups');
    });

    test('handoff: idle, waiting for the phone, passed, failed, incomplete, error', async ({ page, browser, demo }) => {
      for (const [outcome, state] of [
        ['Pass', 'passed'],
        ['Fail liveness', 'failed'],
        ['Quit', 'incomplete'],
      ] as const) {
        await page.goto(`${PLAIN}?mode=handoff`);
        await expectAxeClean(page, 'idle', colorScheme);
        const link = await startHandoff(page);
        await expectAxeClean(page, 'redirecting', colorScheme);
        await finishOnPhone(browser, link, outcome);
        await expectAxeClean(page, state, colorScheme);
      }
      await page.goto(`${PLAIN}?mode=handoff`);
      await demo.setProxyRunning(false);
      await page.getByRole('button', { name: 'Verify identity' }).click();
      await expectAxeClean(page, 'error', colorScheme);
    });
  });
}
