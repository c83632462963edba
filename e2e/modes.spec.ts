// The element's tab and handoff modes on the plain page (`?mode=`), against the whole stack: the desktop shows a QR
// code whose text is the handoff link, a phone-emulated browser does the hosted flow from it, and the desktop
// learns the verdict from the proxy's ledger (POST /faceid/web/results/wait) without a reload.
import { devices, type Browser, type Locator, type Page } from '@playwright/test';
import jsqr from 'jsqr';
import { DEMO_PAGES, expect, expectServerDecision, resultHeading, test, type Outcome } from './fixtures.js';

const PLAIN = '/plain.html';
// jsqr is CommonJS with an ES-style `export default` in its types: Node hands over module.exports itself.
const jsQR: typeof jsqr.default =
  (jsqr as { default?: typeof jsqr.default }).default ?? (jsqr as unknown as typeof jsqr.default);

/** The text of the QR code in `qr`'s screenshot, decoded in Node (jsQR) from pixels a blank page reads back. */
async function decodeQr(qr: Locator, browser: Browser): Promise<string | undefined> {
  const png = (await qr.screenshot()).toString('base64');
  const scratch = await browser.newPage();
  try {
    const { width, height, data } = await scratch.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
    }, png);
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
  } finally {
    await scratch.close();
  }
}

/** Starts a handoff flow on the desktop page; @returns the handoff link, checked against the QR code. */
async function startHandoff(page: Page, browser: Browser): Promise<string> {
  await page.goto(`${PLAIN}?mode=handoff`);
  await page.getByRole('button', { name: 'Verify identity' }).click();
  const element = page.locator('faceid-verify');
  const qr = element.locator('[part="qr"]');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAccessibleName(/.+/);
  const href = (await element.locator('[part="handoff-link"]').getAttribute('href')) ?? '';
  expect(href).toMatch(/^http:\/\/localhost:\d+\/faceid\/web\/handoff\/[A-Za-z0-9-]+\?/);
  expect(await decodeQr(qr, browser), 'the QR code encodes the handoff link').toBe(href);
  await expect(element.getByText('Waiting for your phone…')).toBeVisible();
  return href;
}

/** A phone: a new, separate browser context emulating a Pixel 7. */
async function phone(browser: Browser): Promise<Page> {
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  const context = await browser.newContext(pixel);
  return context.newPage();
}

/** Marks the desktop page so that a reload (a new document) would be seen. */
async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));
  return () => page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark === 1);
}

async function finishOnPhone(mobile: Page, link: string, outcome: Outcome): Promise<number> {
  await mobile.goto(link);
  await expect(mobile).toHaveTitle('FaceID Simulator');
  const clickedAt = Date.now();
  await mobile.getByRole('button', { name: outcome, exact: true }).click();
  return clickedAt;
}

async function expectPhoneDone(mobile: Page): Promise<void> {
  await expect(mobile.getByRole('heading', { name: 'Done — return to your computer' })).toBeVisible();
  await expect(mobile).toHaveURL((url) => url.pathname === '/faceid/web/handoff/done');
  const text = (await mobile.locator('body').innerText()).toLowerCase();
  expect(text, 'the phone shows no result').not.toMatch(/verified|passed|failed|approved|rejected|similarity/);
}

test('handoff, pass: QR → phone → Pass → the desktop shows "Identity verified" within 3 s, no reload', async ({
  page,
  browser,
}) => {
  const link = await startHandoff(page, browser);
  const sameDocument = await markDocument(page);
  const mobile = await phone(browser);
  try {
    const clickedAt = await finishOnPhone(mobile, link, 'Pass');
    await expect(resultHeading(page, 'Identity verified')).toBeVisible({ timeout: 3_000 });
    expect(Date.now() - clickedAt).toBeLessThan(3_000);
    expect(await sameDocument(), 'no reload on the desktop').toBe(true);
    await expectPhoneDone(mobile);
    await expectServerDecision(page, 'Approved');
  } finally {
    await mobile.context().close();
  }
});

test('handoff, fail: liveness failed on the phone → the desktop shows "Verification failed"', async ({
  page,
  browser,
}) => {
  const link = await startHandoff(page, browser);
  const mobile = await phone(browser);
  try {
    await finishOnPhone(mobile, link, 'Fail liveness');
    await expect(resultHeading(page, 'Verification failed')).toBeVisible({ timeout: 3_000 });
    await expectPhoneDone(mobile);
  } finally {
    await mobile.context().close();
  }
});

test('handoff: an expired link gives the phone a clear page', async ({ page, browser, simulator }) => {
  const link = await startHandoff(page, browser);
  await simulator.advanceClock(11 * 60 * 1000);
  const mobile = await phone(browser);
  try {
    const response = await mobile.goto(link);
    expect(response?.status()).toBe(410);
    await expect(mobile.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await expect(mobile.getByText('Start the verification again on your computer')).toBeVisible();
  } finally {
    await mobile.context().close();
  }
});

test('tab mode: Pass in the opened window → the first page reaches passed', async ({ page }) => {
  await page.goto(`${PLAIN}?mode=tab`);
  const sameDocument = await markDocument(page);
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Verify identity' }).click();
  const popup = await opened;
  await expect(popup).toHaveTitle('FaceID Simulator');
  await popup.getByRole('button', { name: 'Pass', exact: true }).click();
  await expect(page.locator('faceid-verify')).toHaveAttribute('state', 'passed');
  await expect(resultHeading(page, 'Identity verified')).toBeVisible();
  expect(await sameDocument()).toBe(true);
  await expect.poll(() => popup.isClosed(), { message: 'the return page closed its tab' }).toBe(true);
  await expectServerDecision(page, 'Approved');
});

for (const { name, path } of DEMO_PAGES) {
  test(`${name}: the mode switch sets the element's mode, kept in the address and across a reload`, async ({
    page,
  }) => {
    await page.goto(path);
    const element = page.locator('faceid-verify');
    await page.getByLabel('Mode').selectOption({ label: 'Phone (QR code)' });
    await expect(page).toHaveURL((url) => url.searchParams.get('mode') === 'handoff');
    await page.reload();
    await expect(page.getByLabel('Mode')).toHaveValue('handoff');
    await element.getByRole('button', { name: 'Verify identity' }).click();
    await expect(element.locator('[part="qr"]')).toBeVisible();
    await expect(element.getByText('Waiting for your phone…')).toBeVisible();
  });
}
