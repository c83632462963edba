// WIP, NOT YET PASSING (kept out of vitest by its name): move to src/handler.cron.test.ts once the webhook arrives.
// Session start over PostgreSQL on workerd works and scheduled() settles the unread flow (GET /flows says passed), but no
// webhook reached the receiver within 20 s: look at deliverOnce on workerd (fetch with redirect: 'manual'? the event's due time?).
// `@faceid-verify/proxy/handler` on real workerd with FACEID_DATABASE_URL=postgres://… (a real PostgreSQL): a flow
// passed on the simulator and never read by the browser is settled by the Cron Trigger's ledger pass (scheduled()
// through a service-bound worker), which delivers one signed webhook; GET /flows/{bizToken} agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startPostgres, type TestPostgres } from './postgres.js';
import { startSimulator, startWorkerd, type Running, type RunningWorkerd } from './runtimes.js';
import { startReceiver, type WebhookReceiver } from './webhook-receiver.js';

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
