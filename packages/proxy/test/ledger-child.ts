/**
 * A proxy-like process for the SIGKILL test (bundled and spawned by src/node/ledger-sigkill.test.ts):
 * `record N` records N flows with verdicts, printing `ack <bizToken>` once each is stored (acknowledged),
 * while delivering webhooks; `deliver` only delivers until nothing is pending, then prints `done`.
 * Arguments: <mode> <databaseUrl> <webhookUrl> <secret> [count].
 */
import { createLedger } from '../src/ledger/ledger.js';
import { deliverOnce } from '../src/ledger/webhook/deliver.js';
import { storeFromUrl } from '../src/node/store-from-url.js';
import { sampleFlow, sampleResult } from './flows.js';

const [mode, databaseUrl, url, secret, count = '0'] = process.argv.slice(2);
const store = await storeFromUrl(databaseUrl!);
const ledger = createLedger({ store });
const deliver = () =>
  deliverOnce({
    store,
    url: url!,
    secrets: [secret!],
    leaseMs: 1_000,
    retryMs: 50,
    timeoutMs: 5_000,
    limit: mode === 'record' ? 1 : 50,
  });

async function anyPending(): Promise<boolean> {
  for (let page = await ledger.list({ limit: 100 }); ; page = await ledger.list({ limit: 100, after: page.next! })) {
    if (page.flows.some((flow) => flow.webhook?.state === 'pending')) return true;
    if (page.next === null) return false;
  }
}

if (mode === 'record') {
  const delivering = (async () => {
    for (;;) await deliver();
  })();
  for (let i = 0; i < Number(count); i += 1) {
    const flow = sampleFlow(i, Date.now());
    await ledger.recordStarted(flow);
    await ledger.recordVerdict(flow.bizToken, sampleResult('passed', 0));
    process.stdout.write(`ack ${flow.bizToken}\n`);
    // One flow per event-loop turn, as requests arrive: lets the deliveries' sockets progress.
    await new Promise(setImmediate);
  }
  await delivering;
} else {
  for (;;) {
    const { delivered, retried } = await deliver();
    if (!(await anyPending())) break;
    if (delivered + retried === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stdout.write('done\n');
  await store.close();
}
