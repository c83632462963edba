// Scale-out with real processes (issue "Scale-out"): three faceid-proxy CLIs on one PostgreSQL the test starts,
// the simulator CLI at FaceID's default 20 calls per second per Action, and a webhook receiver. 150 session starts
// in bursts of 30 spread over the instances all succeed; FaceID never sees more than 20 calls of one Action in any
// second (its own call log); one instance is SIGKILLed midway and result reads in bursts of 50 to the other two all
// answer 200; every flow gets exactly one terminal webhook, those whose leases the killed instance held included.
// Uses the built CLIs (`npm test` builds first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/postgres.js';
import { postJson as post, spawnCli, type SpawnedCli } from '../../test/spawn-cli.js';
import { startReceiver, undelivered, type WebhookReceiver } from '../../test/webhook-receiver.js';
import { newWebhookSecret } from '../ledger/webhook/config.js';

const RETURN = 'http://localhost:5173/demo/';
const ORIGIN = 'http://localhost:5173';
const FLOWS = 150;
const START_BURST = 30;
const READ_BURST = 50;
const FACEID_LIMIT_PER_SECOND = 20;

let dir = '';
let postgres: TestPostgres;
let simulator: SpawnedCli;
let simulatorUrl = '';
let receiver: WebhookReceiver;
const secret = newWebhookSecret();
const proxies: SpawnedCli[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-scale-'));
  postgres = await startPostgres();
  const databaseUrl = await postgres.database();
  simulator = spawnCli('simulator/dist/cli.js', ['--port', '0', '--test-controls'], {});
  simulatorUrl = await simulator.url;
  receiver = await startReceiver(secret);
  const env = {
    FACEID_ENDPOINT: simulatorUrl,
    FACEID_REDIRECT_URLS: RETURN,
    FACEID_RATE_LIMIT: '0',
    FACEID_DATABASE_URL: databaseUrl,
    FACEID_WEBHOOK_URL: receiver.url,
    FACEID_WEBHOOK_SECRET: secret,
    FACEID_WEBHOOK_RETRY_MS: '500',
    FACEID_RECONCILE_INTERVAL_MS: '2000',
    // One binding secret for all: a flow started on one instance is read on another.
    FACEID_BINDING_SECRET: 'EXAMPLE-scale-binding-secret-0123456789abcdef',
    PORT: '0',
  };
  // The first applies the migrations; the others start together on the migrated schema.
  proxies.push(spawnCli('proxy/dist/node/cli.js', [], env, dir));
  await proxies[0]!.url;
  proxies.push(spawnCli('proxy/dist/node/cli.js', [], env, dir), spawnCli('proxy/dist/node/cli.js', [], env, dir));
  await Promise.all(proxies.map((proxy) => proxy.url));
}, 60_000);
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  await simulator?.stop();
  await receiver?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The most calls of one Action FaceID received in any one-second window. */
async function busiestSecond(): Promise<Record<string, number>> {
  const { calls } = (await (await fetch(`${simulatorUrl}/__simulator/calls`)).json()) as {
    calls: { action: string; at: number | string }[];
  };
  const byAction = new Map<string, number[]>();
  for (const call of calls) {
    const at = typeof call.at === 'number' ? call.at : Date.parse(call.at);
    byAction.set(call.action, [...(byAction.get(call.action) ?? []), at]);
  }
  const busiest: Record<string, number> = {};
  for (const [action, times] of byAction) {
    times.sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      most = Math.max(most, i - j + 1);
    }
    busiest[action] = most;
  }
  return busiest;
}

it('3 instances, one PostgreSQL: bursts all served, FaceID ≤ 20/s per Action, a SIGKILL loses nothing', async () => {
  const urls = await Promise.all(proxies.map((proxy) => proxy.url));
  const flows: { bizToken: string; binding: string }[] = [];
  for (let burst = 0; burst < FLOWS / START_BURST; burst += 1) {
    const answers = await Promise.all(
      Array.from({ length: START_BURST }, (_, i) =>
        post(`${urls[i % urls.length]}/web/sessions`, { redirectUrl: RETURN }, { origin: ORIGIN }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status, await answer.clone().text()).toBe(201);
      const { bizToken, binding } = (await answer.json()) as { bizToken: string; binding: string };
      flows.push({ bizToken, binding });
    }
  }
  for (const [i, flow] of flows.entries()) {
    const outcome = ['pass', 'fail-liveness', 'quit'][i % 3]!;
    expect((await post(`${simulatorUrl}/__simulator/outcomes`, { token: flow.bizToken, outcome })).status).toBe(200);
  }

  // Killed mid-work: its reconciler holds leases on pending flows, its outbox on pending events.
  const killed = proxies[2]!;
  killed.child.kill('SIGKILL');
  await killed.exited;
  const alive = urls.slice(0, 2);
  const reads = flows.filter((_, i) => i % 2 === 0); // the rest is left to the reconcilers
  for (let at = 0; at < reads.length; at += READ_BURST) {
    const answers = await Promise.all(
      reads.slice(at, at + READ_BURST).map((flow, i) => post(`${alive[i % 2]}/web/results`, flow, { origin: ORIGIN })),
    );
    for (const answer of answers) expect(answer.status, await answer.clone().text()).toBe(200);
  }

  const expected = (i: number) => ['verification.passed', 'verification.failed', 'verification.incomplete'][i % 3];
  expect(
    await undelivered(
      receiver,
      flows.map((flow) => flow.bizToken),
      150_000,
    ),
  ).toEqual([]);
  for (const [i, flow] of flows.entries()) {
    const hooks = receiver.received.filter((hook) => hook.payload?.data['bizToken'] === flow.bizToken);
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(1);
    expect(new Set(hooks.map((hook) => hook.payload?.type))).toEqual(new Set([expected(i)]));
  }
  expect(receiver.received.every((hook) => hook.payload !== null)).toBe(true);
  const busiest = await busiestSecond();
  expect(Object.keys(busiest).length).toBeGreaterThan(1);
  for (const [action, most] of Object.entries(busiest))
    expect(most, action).toBeLessThanOrEqual(FACEID_LIMIT_PER_SECOND);
}, 240_000);
