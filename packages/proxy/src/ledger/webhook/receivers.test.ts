// The README's webhook receivers (examples/webhooks/receiver.mjs with `standardwebhooks`, receiver.py with Python's
// standard library), each run as a real process and fed by the proxy's own delivery (deliverOnce): a real event is
// accepted once (a redelivery with the same webhook-id is not processed twice); a forged, tampered or stale one
// is refused with 400.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnUntil, type Child } from '../../../../../scripts/processes.mjs';
import { sampleFlow, sampleResult } from '../../../test/flows.js';
import { createMemoryStore } from '../../store/memory.js';
import { createLedger } from '../ledger.js';
import { newWebhookSecret } from './config.js';
import { deliverOnce } from './deliver.js';
import { webhookHeaders, webhookSigners } from './event.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../../examples/webhooks/${name}`, import.meta.url));
const README = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');

const RECEIVERS = [
  { name: 'receiver.mjs', command: process.execPath },
  { name: 'receiver.py', command: 'python3' },
];

describe.each(RECEIVERS)('examples/webhooks/$name', ({ name, command }) => {
  const secret = newWebhookSecret();
  let receiver: Child;
  const events = () =>
    receiver
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { id: string; type: string; reference: string; status: string });

  beforeAll(async () => {
    receiver = await spawnUntil(command, [example(name)], /listening on (http:\S+)/, {
      env: { PATH: process.env['PATH'] ?? '', FACEID_WEBHOOK_SECRET: `${secret}`, PORT: '0' },
      readyTimeoutMs: 20_000,
    });
  }, 30_000);
  afterAll(() => receiver?.stop());

  it('is quoted verbatim in the README', () => {
    expect(README).toContain(readFileSync(example(name), 'utf8').trim());
  });

  it("accepts the proxy's delivery once, even when it is redelivered with the same webhook-id", async () => {
    const ledger = createLedger({ store: createMemoryStore() });
    const flow = sampleFlow(1, Date.now(), { reference: 'user-42' });
    await ledger.recordStarted(flow);
    await ledger.recordVerdict(flow.bizToken, sampleResult('passed', 0));
    const deliver = () =>
      deliverOnce({ store: ledger.store, url: receiver.ready, secrets: [newWebhookSecret(), secret] });
    expect(await deliver()).toMatchObject({ delivered: 1, retried: 0 });
    const id = (await ledger.get(flow.bizToken))!.webhook!.id;
    await ledger.redeliver(flow.bizToken);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    await expect.poll(events).toEqual([{ id, type: 'verification.passed', reference: 'user-42', status: 'passed' }]);
  });

  it('refuses a wrong secret, a tampered body and a stale timestamp with 400', async () => {
    const body = JSON.stringify({ type: 'verification.passed', timestamp: new Date().toISOString(), data: {} });
    const send = (headers: Record<string, string>, payload = body) =>
      fetch(receiver.ready, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: payload,
      });
    const signed = (key: string, at: number) => webhookHeaders(webhookSigners([key]), 'msg_forged', at, body);
    expect((await send(signed(newWebhookSecret(), Date.now()))).status).toBe(400);
    expect((await send(signed(secret, Date.now()), body.replace('passed', 'failed'))).status).toBe(400);
    expect((await send(signed(secret, Date.now() - 10 * 60 * 1000))).status).toBe(400);
    expect((await send({})).status).toBe(400);
    expect((await send(signed(secret, Date.now()))).status).toBe(204);
  });
});
