// The backend example (scripts/start/backend.mjs) against the whole stack: it decides from the proxy's signed
// webhooks, answers only the visitor whose cookie started a flow, and refuses webhooks that do not verify.
import { newWebhookSecret, webhookHeaders, webhookSigners } from '@faceid-verify/proxy/ledger';
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { expect, expectServerDecision, finishWith, resultHeading, startVerification, test } from './fixtures.js';

const PLAIN = '/plain.html';
const VISITOR_COOKIE = 'faceid_demo_visitor';
/** The backend example's one answer for a BizToken that is not the caller's (scripts/start/backend.mjs). */
const NOT_YOURS = {
  decision: 'rejected',
  reason: 'you have no flow with this BizToken.',
  status: null,
  similarity: null,
};

function webhookSecret(): string {
  const secret = process.env.E2E_WEBHOOK_SECRET;
  if (!secret)
    throw new Error('E2E_WEBHOOK_SECRET is not set: run the suite with playwright test -c e2e/playwright.config.ts');
  return secret;
}

async function complete(request: APIRequestContext, bizToken: string) {
  const response = await request.post('/api/kyc/complete', { data: { bizToken } });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

async function visitorOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === VISITOR_COOKIE);
  expect(cookie?.httpOnly, 'the visitor cookie is HttpOnly').toBe(true);
  return cookie?.value ?? '';
}

/** A terminal event as the proxy sends it, for `bizToken` and `reference`. */
function eventBody(bizToken: string, reference: string, status: 'passed' | 'failed'): string {
  return JSON.stringify({
    type: `verification.${status}`,
    timestamp: new Date().toISOString(),
    data: { bizToken, status, reference, extra: null, result: { status, similarity: 99, attempts: [] } },
  });
}

async function postWebhook(request: APIRequestContext, body: string, headers: Record<string, string>) {
  const response = await request.post('/api/kyc/webhooks', {
    data: body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** A BizToken of the same shape that FaceID never issued. */
function madeUp(bizToken: string): string {
  const last = bizToken.at(-1) === 'A' ? 'B' : 'A';
  return `${bizToken.slice(0, -1)}${last}`;
}

test('a passed flow is approved from its webhook, for its own visitor only; others learn nothing', async ({
  page,
  context,
  browser,
  baseURL,
  playwright,
}) => {
  const bizToken = await startVerification(page, PLAIN);
  const other = await browser.newContext({ baseURL: baseURL ?? '' });
  const anonymous = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto('/'); // the other visitor gets a cookie of their own
    expect(await visitorOf(other)).not.toBe(await visitorOf(context));

    const fake = await complete(other.request, madeUp(bizToken));
    expect(fake).toEqual({ status: 404, body: NOT_YOURS });
    // While the flow is pending, and once it passed: the very answer a made-up BizToken gets.
    expect(await complete(other.request, bizToken)).toEqual(fake);
    expect(await complete(anonymous, bizToken)).toEqual(fake);

    await finishWith(page, 'Pass', PLAIN);
    await expect(resultHeading(page, 'Identity verified')).toBeVisible();
    await expectServerDecision(page, 'Approved');
    await expect(page.getByText(/^Approved: .*signed webhook/)).toBeVisible();

    expect(await complete(other.request, bizToken)).toEqual(fake);
    expect(await complete(anonymous, bizToken)).toEqual(fake);
    const own = await complete(context.request, bizToken);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ decision: 'approved', status: 'passed' });
  } finally {
    await anonymous.dispose();
    await other.close();
  }
});

test('forged webhooks are refused and decide nothing: the flow waits for the real one', async ({ page, context }) => {
  const bizToken = await startVerification(page, PLAIN);
  const body = eventBody(bizToken, await visitorOf(context), 'passed');
  const id = `msg_forged${Date.now()}`;
  const wrongKey = webhookHeaders(webhookSigners([newWebhookSecret()]), id, Date.now(), body);
  const rightKeyOtherBody = webhookHeaders(
    webhookSigners([webhookSecret()]),
    id,
    Date.now(),
    eventBody('x', 'y', 'passed'),
  );
  const stale = webhookHeaders(webhookSigners([webhookSecret()]), id, Date.now() - 10 * 60_000, body);

  for (const headers of [{}, wrongKey, rightKeyOtherBody, stale]) {
    const answer = await postWebhook(context.request, body, headers);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_signature' } });
  }
  // No verdict came: the server says so after its bounded wait, and decides nothing.
  const meanwhile = await complete(context.request, bizToken);
  expect(meanwhile).toMatchObject({ status: 200, body: { decision: 'pending', status: null, similarity: null } });

  await finishWith(page, 'Fail liveness', PLAIN);
  await expect(resultHeading(page, 'Verification failed')).toBeVisible();
  await expectServerDecision(page, 'Rejected');
  await expect(page.getByText(/^Rejected: FaceID says "failed", from the proxy’s signed webhook/)).toBeVisible();
});

test('a webhook delivered twice (same webhook-id) is processed once', async ({ page, context }) => {
  const bizToken = await startVerification(page, PLAIN);
  const body = eventBody(bizToken, await visitorOf(context), 'failed');
  const headers = webhookHeaders(webhookSigners([webhookSecret()]), `msg_retry${Date.now()}`, Date.now(), body);

  expect(await postWebhook(context.request, body, headers)).toEqual({
    status: 200,
    body: { received: true, duplicate: false },
  });
  expect(await postWebhook(context.request, body, headers)).toEqual({
    status: 200,
    body: { received: true, duplicate: true },
  });
  const decided = await complete(context.request, bizToken);
  expect(decided).toMatchObject({ status: 200, body: { decision: 'rejected', status: 'failed', similarity: 99 } });
});
