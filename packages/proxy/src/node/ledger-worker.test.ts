import { afterEach, expect, it } from 'vitest';
import { sampleFlow, sampleResult } from '../../test/flows.js';
import { startReceiver, type WebhookReceiver } from '../../test/webhook-receiver.js';
import { createLedger } from '../ledger/ledger.js';
import { newWebhookSecret } from '../ledger/webhook/config.js';
import { createMemoryStore } from '../store/memory.js';
import { startLedgerWorker, type LedgerWorker } from './ledger-worker.js';

let worker: LedgerWorker | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await worker?.stop();
  await receiver?.close();
});

it('re-reads pending flows in the background and delivers their verdicts as webhooks', async () => {
  const secret = newWebhookSecret();
  receiver = await startReceiver(secret);
  const ledger = createLedger({ store: createMemoryStore(), readBackoffMs: 1 });
  const flow = sampleFlow(1, Date.now());
  await ledger.recordStarted(flow);
  const reads: string[] = [];
  worker = startLedgerWorker({
    ledger,
    readResult: async (bizToken) => (reads.push(bizToken), sampleResult('passed', 0)),
    webhook: { url: receiver.url, secrets: [secret] },
    reconcileIntervalMs: 20,
    deliveryIntervalMs: 20,
  });
  const hook = await receiver.waitFor((received) => received.payload?.data.bizToken === flow.bizToken);
  expect(hook.payload).toMatchObject({ type: 'verification.passed', data: { status: 'passed', reference: 'user-1' } });
  expect(reads).toEqual([flow.bizToken]);
  await worker.stop();
  expect((await ledger.get(flow.bizToken))?.webhook?.state).toBe('delivered');
});
