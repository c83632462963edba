// The happy path on each demo page: Verify identity → hosted page → Pass → back → Identity verified.
import {
  DEMO_PAGES,
  expect,
  expectNoTokenInAddressBar,
  expectServerDecision,
  finishWith,
  RESULT_ACTION,
  resultHeading,
  startVerification,
  test,
} from './fixtures.js';

for (const { name, path } of DEMO_PAGES) {
  test(`${name}: a passed verification comes back verified, without the token`, async ({ page, simulator }) => {
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await startVerification(page, path);
    const readsBefore = await simulator.countCalls(RESULT_ACTION);

    await finishWith(page, 'Pass', path);

    await expect(resultHeading(page, 'Identity verified')).toBeVisible();
    await expectNoTokenInAddressBar(page);
    await expectServerDecision(page, 'Approved');
    // One upstream read, by the element's request; the demo's server gets the verdict by the proxy's webhook.
    expect(await simulator.countCalls(RESULT_ACTION)).toBe(readsBefore + 1);
    const log = page.getByRole('list').filter({ hasText: 'faceid-result' });
    await expect(log).toContainText('"state": "checking"'); // seen although fired while the page loads
    await expect(log).toContainText('"status": "passed"');
    expect(cspViolations, 'the page runs under its strict CSP').toEqual([]);
  });
}

test('each page says which upstream is in use', async ({ page }) => {
  for (const path of ['/', ...DEMO_PAGES.map((demoPage) => demoPage.path)]) {
    await page.goto(path);
    await expect(page.getByText('Upstream: local FaceID simulator')).toBeVisible();
  }
});
