// The proxy goes away while the user is on the hosted page: the page says so and "Try again" recovers.
import { expect, expectServerDecision, finishWith, resultHeading, startVerification, test } from './fixtures.js';

test('a stopped proxy shows "Something went wrong", and "Try again" works once it is back', async ({ page, demo }) => {
  await startVerification(page, '/plain.html');
  await demo.setProxyRunning(false);

  await finishWith(page, 'Pass', '/plain.html');

  await expect(resultHeading(page, 'Something went wrong')).toBeVisible();
  await demo.setProxyRunning(true);
  await page.locator('faceid-verify').getByRole('button', { name: 'Try again' }).click();
  await expect(resultHeading(page, 'Identity verified')).toBeVisible();
  await expectServerDecision(page, 'Approved');
});
