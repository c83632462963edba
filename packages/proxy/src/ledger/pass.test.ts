// One bounded pass (runLedgerPass), as a Worker's Cron Trigger runs it: due pending flows are re-read and
// settled, their webhooks delivered to a real receiver in the same pass, at most `reconcileLimit` flows per pass.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleFlow, sampleResult } from '../../test/flows.js';
import { startReceiver, type WebhookReceiver } from '../../test/webhook-receiver.js';
import { createMemoryStore } from '../store/memory.js';
import { createLedger } from './ledger.js';
import { runLedgerPass } from './pass.js';
import { newWebhookSecret } from './webhook/config.js';

const secret = newWebhookSecret();
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startReceiver(secret);
});
afterAll(() => receiver?.close());

it('re-reads due flows, settles them and delivers their events, bounded per pass', async () => {
  let now = Date.now();
  const ledger = createLedger({ store: createMemoryStore(), now: () => now, readBackoffMs: 1000 });
  for (let n = 0; n < 3; n += 1) await ledger.recordStarted(sampleFlow(n, now));
  const reads: string[] = [];
  const readResult = async (bizToken: string) => {
    reads.push(bizToken);
    return sampleResult('passed', 0);
  };
  const webhook = { url: receiver.url, secrets: [secret] };

  const early = await runLedgerPass({ ledger, readResult, webhook });
  expect(early.reconcile.claimed).toBe(0);
  expect(reads).toEqual([]);

  now += 1000;
  const first = await runLedgerPass({ ledger, readResult, webhook, reconcileLimit: 2 });
  expect(first).toMatchObject({ reconcile: { claimed: 2, settled: 2 }, deliver: { delivered: 2 }, pruned: null });
  const second = await runLedgerPass({ ledger, readResult, webhook, prune: true });
  expect(second).toMatchObject({ reconcile: { claimed: 1, settled: 1 }, deliver: { delivered: 1 } });
  expect(second.pruned).toEqual({ erased: 0, events: 0 });
  expect(reads).toHaveLength(3);
  expect(new Set(receiver.received.map((hook) => hook.payload?.data['bizToken'])).size).toBe(3);
  expect(receiver.received.every((hook) => hook.payload?.type === 'verification.passed')).toBe(true);

  const idle = await runLedgerPass({ ledger, readResult });
  expect(idle).toMatchObject({ reconcile: { claimed: 0 }, deliver: null });
});
