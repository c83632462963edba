// The whole ledger with real processes (issue "Nothing lost"): the simulator CLI with BizTokens that expire 20 s
// after issue, the faceid-proxy CLI on a SQLite file (then on a PostgreSQL the test starts), and a webhook receiver
// that answers 503 for its first 15 s. 200 flows end every way; the proxy is SIGKILLed midway and restarted on
// the same database. Every flow must get exactly one terminal event (one webhook-id, retries aside) with the
// right verdict, every signature must verify with `standardwebhooks`, and `GET /flows/{bizToken}` must agree.
// Uses the built CLIs (`npm test` builds first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/postgres.js';
import { postJson as post, spawnCli, type SpawnedCli } from '../../test/spawn-cli.js';
import { startReceiver, undelivered, type WebhookReceiver } from '../../test/webhook-receiver.js';
import { newWebhookSecret } from '../ledger/webhook/config.js';
import type { FlowView } from '../ledger/view.js';

const RETURN = 'http://localhost:5173/demo/';
const ORIGIN = 'http://localhost:5173';
const API_KEY = 'EXAMPLE-ledger-stack-api-key-000000';
const BIZ_TOKEN_TTL_MS = 20_000;
const RECEIVER_DOWN_MS = 15_000;

/** How each flow ends, how many, and the status its one terminal event must carry. */
const PLAN = [
  { how: 'returned and read', outcome: 'pass', read: true, count: 40, status: 'passed' },
  { how: 'passed, never returned', outcome: 'pass', read: false, count: 30, status: 'passed' },
  { how: 'failed, never returned', outcome: 'fail-liveness', read: false, count: 20, status: 'failed' },
  { how: 'quit', outcome: 'quit', read: false, count: 30, status: 'incomplete' },
  { how: 'timed out', outcome: 'timeout', read: true, count: 30, status: 'incomplete' },
  { how: 'abandoned', outcome: 'abandon', read: false, count: 25, status: 'expired' },
  { how: 'never started', outcome: null, read: false, count: 25, status: 'expired' },
] as const;
const FLOWS = PLAN.reduce((sum, row) => sum + row.count, 0);

type Planned = (typeof PLAN)[number];
interface Flow {
  bizToken: string;
  binding: string;
  plan: Planned;
}

let simulator: SpawnedCli;
let simulatorUrl = '';
let dir = '';
let postgres: TestPostgres | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-ledger-stack-'));
  simulator = spawnCli(
    'simulator/dist/cli.js',
    ['--port', '0', '--test-controls', '--biz-token-ttl', String(BIZ_TOKEN_TTL_MS)],
    {},
  );
  simulatorUrl = await simulator.url;
}, 30_000);
afterAll(async () => {
  await simulator?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startProxy(databaseUrl: string, receiver: WebhookReceiver, secret: string): SpawnedCli {
  return spawnCli(
    'proxy/dist/node/cli.js',
    [],
    {
      FACEID_ENDPOINT: simulatorUrl,
      FACEID_REDIRECT_URLS: RETURN,
      FACEID_API_KEY: API_KEY,
      FACEID_RATE_LIMIT: '0',
      FACEID_DATABASE_URL: databaseUrl,
      FACEID_WEBHOOK_URL: receiver.url,
      FACEID_WEBHOOK_SECRET: secret,
      FACEID_WEBHOOK_RETRY_MS: '500',
      FACEID_RECONCILE_INTERVAL_MS: '2000',
      PORT: '0',
    },
    dir,
  );
}

/** Users at once: within one instance's upstream budget (bursts beyond it are the scale-out issue's). */
const USERS_AT_ONCE = 8;

/** `work` over `items`, `limit` at a time, results in order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Starts `plans.length` flows on `proxy` and plays each user: outcome on the hosted page, and the read if any. */
async function runFlows(proxyUrl: string, plans: Planned[]): Promise<Flow[]> {
  return pool(plans, USERS_AT_ONCE, async (plan) => {
    const started = await post(`${proxyUrl}/web/sessions`, { redirectUrl: RETURN }, { origin: ORIGIN });
    expect(started.status, await started.clone().text()).toBe(201);
    const { bizToken, binding } = (await started.json()) as { bizToken: string; binding: string };
    if (plan.outcome !== null) {
      const done = await post(`${simulatorUrl}/__simulator/outcomes`, { token: bizToken, outcome: plan.outcome });
      expect(done.status).toBe(200);
    }
    if (plan.read) {
      const read = await post(`${proxyUrl}/web/results`, { bizToken, binding }, { origin: ORIGIN });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { status: string }).status).toBe(plan.status);
    }
    return { bizToken, binding, plan };
  });
}

const STORES = [
  { name: 'SQLite', url: async () => `file:${join(dir, 'flows.db')}` },
  {
    name: 'PostgreSQL',
    url: async () => {
      postgres = await startPostgres();
      return postgres.database();
    },
  },
];

describe.each(STORES)('200 flows on $name, a SIGKILL midway, a receiver down for 15 s', ({ url }) => {
  it('every flow gets exactly one terminal event with the right verdict, and GET /flows agrees', async () => {
    const databaseUrl = await url();
    const secret = newWebhookSecret();
    const downUntil = Date.now() + RECEIVER_DOWN_MS;
    const receiver = await startReceiver(secret, () => (Date.now() < downUntil ? 503 : 200));
    const plans = PLAN.flatMap((row) => Array.from({ length: row.count }, () => row as Planned));
    // Interleaved, so each half holds flows of every kind.
    const halves = [plans.filter((_, i) => i % 2 === 0), plans.filter((_, i) => i % 2 === 1)];
    let proxy = startProxy(databaseUrl, receiver, secret);
    try {
      const first = await runFlows(await proxy.url, halves[0]!);
      // Killed with its reconciler and outbox mid-work: no graceful close.
      proxy.child.kill('SIGKILL');
      await proxy.exited;
      proxy = startProxy(databaseUrl, receiver, secret);
      const proxyUrl = await proxy.url;
      const second = await runFlows(proxyUrl, halves[1]!);
      const flows = [...first, ...second];
      expect(flows).toHaveLength(FLOWS);

      const missing = await undelivered(
        receiver,
        flows.map((flow) => flow.bizToken),
        120_000,
      );
      expect(missing.map((bizToken) => flows.find((flow) => flow.bizToken === bizToken)!.plan.how)).toEqual([]);
      expect(receiver.received.some((hook) => hook.answered === 503)).toBe(true);
      expect(receiver.received.every((hook) => hook.payload !== null)).toBe(true);
      for (const flow of flows) {
        const hooks = receiver.received.filter((hook) => hook.payload?.data['bizToken'] === flow.bizToken);
        const ids = new Set(hooks.map((hook) => hook.id));
        const types = new Set(hooks.map((hook) => hook.payload?.type));
        expect({ how: flow.plan.how, ids: ids.size, types: [...types] }).toEqual({
          how: flow.plan.how,
          ids: 1,
          types: [`verification.${flow.plan.status}`],
        });
        expect(hooks[0]!.body).not.toContain(flow.binding);
        const record = await fetch(`${proxyUrl}/flows/${flow.bizToken}`, {
          headers: { authorization: `Bearer ${API_KEY}` },
        });
        const view = (await record.json()) as FlowView;
        expect({ how: flow.plan.how, status: view.status, id: view.webhook?.id }).toEqual({
          how: flow.plan.how,
          status: flow.plan.status,
          id: [...ids][0],
        });
      }
    } finally {
      await proxy.stop();
      await receiver.close();
    }
  }, 240_000);
});
