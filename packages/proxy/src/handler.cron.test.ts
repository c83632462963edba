// `@faceid-verify/proxy/handler` on real workerd with FACEID_DATABASE_URL=postgres://… (a real PostgreSQL): a flow
// passed on the simulator and never read by the browser is settled by the Cron Trigger's ledger pass (scheduled()
// through a service-bound worker), which delivers one signed webhook; GET /flows/{bizToken} agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startPostgres, type TestPostgres } from '../test/postgres.js';
import { startSimulator, startWorkerd, type Running, type RunningWorkerd } from '../test/runtimes.js';
import { startReceiver, type WebhookReceiver } from '../test/webhook-receiver.js';

const ORIGIN = 'https://app.example.com';
const RETURN_URL = `${ORIGIN}/kyc/return`;
const API_KEY = 'EXAMPLE-cron-api-key-000000000000';
const SECRET = `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24))))}`;

let simulator: Running;
let pg: TestPostgres;
let receiver: WebhookReceiver;
let proxy: RunningWorkerd;
beforeAll(async () => {
  [simulator, pg, receiver] = await Promise.all([startSimulator(), startPostgres(), startReceiver(SECRET)]);
  proxy = await startWorkerd(
    {
      FACEID_ENDPOINT: simulator.url,
      FACEID_REDIRECT_URLS: RETURN_URL,
      FACEID_DATABASE_URL: await pg.database(),
      FACEID_WEBHOOK_URL: receiver.url,
      FACEID_WEBHOOK_SECRET: SECRET,
      FACEID_RECONCILE_INTERVAL_MS: '1000',
      FACEID_API_KEY: API_KEY,
    },
    { cron: true },
  );
}, 60_000);
afterAll(async () => {
  await Promise.all([proxy?.stop(), simulator?.stop(), receiver?.close(), pg?.stop()]);
});

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

describe('the handler with a PostgreSQL ledger on workerd', () => {
  it(
    'settles an unread passed flow from the Cron Trigger and sends one signed webhook',
    { timeout: 60_000 },
    async () => {
      const session = await post(`${proxy.url}/web/sessions`, { redirectUrl: RETURN_URL });
      expect(session.status, proxy.output()).toBe(201);
      const { bizToken } = session.json;
      expect((await post(`${simulator.url}/__simulator/outcomes`, { token: bizToken, outcome: 'pass' })).status).toBe(
        200,
      );
      const deadline = Date.now() + 20_000;
      while (receiver.received.length === 0 && Date.now() < deadline) {
        expect((await proxy.scheduled()).outcome, proxy.output()).toBe('ok');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(receiver.received, proxy.output()).toHaveLength(1);
      expect((await proxy.scheduled()).outcome).toBe('ok'); // a later pass sends nothing more
      expect(receiver.received).toHaveLength(1);
      const hook = receiver.received[0]!;
      const verified = new Webhook(SECRET).verify(hook.body, {
        'webhook-id': hook.id,
        'webhook-timestamp': hook.timestamp,
        'webhook-signature': hook.signature,
      }) as { type: string; data: Record<string, unknown> };
      expect(verified.type).toBe('verification.passed');
      expect(verified.data['bizToken']).toBe(bizToken);
      const flow = await fetch(`${proxy.url}/flows/${bizToken}`, { headers: { authorization: `Bearer ${API_KEY}` } });
      expect(flow.status).toBe(200);
      expect(await flow.json()).toMatchObject({ bizToken, status: 'passed' });
    },
  );
});

describe('the handler on workerd with a database it cannot keep', () => {
  let misconfigured: RunningWorkerd;
  beforeAll(async () => {
    misconfigured = await startWorkerd({
      FACEID_ENDPOINT: simulator.url,
      FACEID_REDIRECT_URLS: RETURN_URL,
      FACEID_DATABASE_URL: 'file:./faceid-flows.db',
    });
  }, 30_000);
  afterAll(() => misconfigured?.stop());

  it('answers 500 internal_error for a file: URL and logs the variable, not the client', async () => {
    const response = await fetch(`${misconfigured.url}/health`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).not.toContain('FACEID_DATABASE_URL');
    expect(misconfigured.output()).toContain('FACEID_DATABASE_URL');
  });
});
