// After a result: reloading, the back button and a second tab each end in the right state, and none of them
// makes FaceID send the result (PII) again.
import {
  expect,
  expectServerDecision,
  finishWith,
  RESULT_ACTION,
  resultHeading,
  startVerification,
  test,
} from './fixtures.js';

test('reloading after the result shows a fresh start and reads nothing again', async ({ page, simulator }) => {
  await startVerification(page, '/react.html');
  await finishWith(page, 'Pass', '/react.html');
  await expect(resultHeading(page, 'Identity verified')).toBeVisible();
  await expectServerDecision(page, 'Approved');
  const reads = await simulator.countCalls(RESULT_ACTION);

  await page.reload();

  await expect(page.getByRole('button', { name: 'Verify identity' })).toBeVisible();
  await expect(page.getByText('Upstream: local FaceID simulator')).toBeVisible();
  expect(await simulator.countCalls(RESULT_ACTION)).toBe(reads);
});

test('back and forward after the result read nothing again', async ({ page, simulator }) => {
  await startVerification(page, '/vue.html');
  await finishWith(page, 'Pass', '/vue.html');
  await expect(resultHeading(page, 'Identity verified')).toBeVisible();
  await expectServerDecision(page, 'Approved');
  const reads = await simulator.countCalls(RESULT_ACTION);

  await page.goBack(); // the hosted page, whose flow is finished
  await expect(page).toHaveTitle('FaceID Simulator');
  await expect(page.getByText('already been completed')).toBeVisible();
  await page.goBack(); // the demo page as it was before the start
  await expect(page.getByRole('button', { name: 'Verify identity' })).toBeVisible();
  await page.goForward();
  await page.goForward(); // the return address, already without the token
  await expect(page).toHaveURL((url) => url.pathname === '/vue.html' && !url.searchParams.has('token'));
  await expect(page.getByRole('button', { name: 'Verify identity' })).toBeVisible();

  expect(await simulator.countCalls(RESULT_ACTION)).toBe(reads);
});

test('the back button on the hosted page gives "Verification not completed"; the server waits for a verdict', async ({
  page,
}) => {
  await startVerification(page, '/plain.html');
  await page.goBack();
  await expect(resultHeading(page, 'Verification not completed')).toBeVisible();
  // FaceID has no verdict for a flow the user left: no webhook comes, so the server decides nothing yet.
  await expectServerDecision(page, 'Pending', { timeout: 20_000 });
});

test('two tabs run two flows, each ending in its own result', async ({ context, simulator }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await startVerification(first, '/plain.html');
  await startVerification(second, '/react.html');
  const readsBefore = await simulator.countCalls(RESULT_ACTION);

  await finishWith(second, 'Fail liveness', '/react.html');
  await expect(resultHeading(second, 'Verification failed')).toBeVisible();
  await finishWith(first, 'Pass', '/plain.html');
  await expect(resultHeading(first, 'Identity verified')).toBeVisible();
  await expectServerDecision(first, 'Approved');
  await expectServerDecision(second, 'Rejected');
  // Each flow: one upstream read; the demo's server gets each verdict by the proxy's webhook.
  expect(await simulator.countCalls(RESULT_ACTION)).toBe(readsBefore + 2);

  await Promise.all([first.reload(), second.reload()]);
  await expect(first.getByRole('button', { name: 'Verify identity' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Verify identity' })).toBeVisible();
  expect(await simulator.countCalls(RESULT_ACTION)).toBe(readsBefore + 2);
});
