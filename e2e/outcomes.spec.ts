// Every way a verification can end short of "passed", with the element's localised reason. Texts come from
// the element's own message table, so a translation change does not need a test change.
import { MESSAGES } from '@faceid-verify/element';
import type { Page } from '@playwright/test';
import {
  DEMO_PAGES,
  expect,
  expectNoTokenInAddressBar,
  expectServerDecision,
  finishWith,
  resultHeading,
  startVerification,
  test,
} from './fixtures.js';

const BIZ_TOKEN_START_TTL_MS = 10 * 60_000;

async function chooseLanguage(page: Page, label: string): Promise<void> {
  await page.getByLabel('Language').selectOption({ label });
}

for (const { name, path } of DEMO_PAGES) {
  test.describe(name, () => {
    test('"Fail liveness" gives "Verification failed" with the liveness reason', async ({ page }) => {
      await startVerification(page, path);
      await finishWith(page, 'Fail liveness', path);
      await expect(resultHeading(page, MESSAGES.en.failed)).toBeVisible();
      await expect(page.locator('faceid-verify')).toContainText(MESSAGES.en.reason.liveness);
      await expectNoTokenInAddressBar(page);
      await expectServerDecision(page, 'Rejected');
    });

    test('"Fail face comparison" in Chinese gives the face-mismatch reason in Chinese', async ({ page }) => {
      await page.goto(path);
      await chooseLanguage(page, '简体中文');
      await page.getByRole('button', { name: MESSAGES['zh-CN'].start }).click();
      await expect(page).toHaveTitle('FaceID Simulator');
      await expect(page.getByText('zh-cn', { exact: true })).toBeVisible(); // the hosted page got the language
      await finishWith(page, 'Fail face comparison', path);
      await expect(resultHeading(page, MESSAGES['zh-CN'].failed)).toBeVisible();
      await expect(page.locator('faceid-verify')).toContainText(MESSAGES['zh-CN'].reason.faceMismatch);
      await chooseLanguage(page, 'English');
    });

    test('"Quit" gives "Verification not completed"', async ({ page }) => {
      await startVerification(page, path);
      await finishWith(page, 'Quit', path);
      await expect(resultHeading(page, MESSAGES.en.incomplete)).toBeVisible();
      await expect(page.locator('faceid-verify')).toContainText(MESSAGES.en.reason.quit);
    });

    test('"Back to site" gives "Verification not completed"', async ({ page }) => {
      await startVerification(page, path);
      await page.getByRole('link', { name: 'Back to site' }).click();
      await expect(page).toHaveURL((url) => url.pathname === path);
      await expect(resultHeading(page, MESSAGES.en.incomplete)).toBeVisible();
      await expect(page.locator('faceid-verify')).toContainText(MESSAGES.en.reason.notFinished);
      await expectNoTokenInAddressBar(page);
    });
  });
}

test('an expired flow gives "Verification session expired"', async ({ page, simulator }) => {
  const path = '/plain.html';
  const token = await startVerification(page, path);
  await simulator.advanceClock(BIZ_TOKEN_START_TTL_MS + 60_000);

  await page.getByRole('button', { name: 'Pass', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('expired'); // the hosted page refuses the late finish
  // The user comes back to the site with the token, as FaceID's RedirectURL would bring them.
  await page.goto(`${path}?token=${encodeURIComponent(token)}`);

  await expect(resultHeading(page, MESSAGES.en.expired)).toBeVisible();
  await expectNoTokenInAddressBar(page);
});
