import { afterEach, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { testClock, type TestClock } from '../../../test/clock.js';
import { sampleFlow, sampleResult } from '../../../test/flows.js';
import { describeStores } from '../../../test/store-cases.js';
import {
  startReceiver,
  type Answer,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../../../test/webhook-receiver.js';
import { WEBHOOK_RETRY_WINDOW_MS } from '../backoff.js';
import { createLedger, type Ledger } from '../ledger.js';
import { newWebhookSecret } from './config.js';
import { deliverOnce, type DeliverOptions } from './deliver.js';

const SECRET = newWebhookSecret();
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(answer?: (received: ReceivedWebhook[]) => Answer, secret = SECRET) {
  const started = await startReceiver(secret, answer);
  receivers.push(started);
  return started;
}

/** Runs delivery passes, moving the clock to the next due attempt, until nothing is pending. */
async function drain(
  ledger: Ledger,
  clock: TestClock,
  options: Omit<DeliverOptions, 'store' | 'now'>,
  tokens: string[],
) {
  for (let pass = 0; pass < 200; pass += 1) {
    await deliverOnce({ random: () => 0.5, ...options, store: ledger.store, now: clock.now });
    const events = await Promise.all(tokens.map(async (token) => (await ledger.get(token))!.webhook!));
    const due = events.filter((event) => event.state === 'pending').map((event) => event.nextAttemptAt);
    if (due.length === 0) return events;
    clock.advance(Math.max(0, Math.min(...due) - clock.now()));
  }
  throw new Error('delivery did not finish in 200 passes');
}

describeStores('webhook outbox', (store) => {
  async function settled(count: number, status: 'passed' | 'failed' = 'passed') {
    const clock = testClock();
    const ledger = createLedger({ store: await store.open(clock.now), now: clock.now });
    const tokens: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const flow = sampleFlow(i + 1, clock.now());
      await ledger.recordStarted(flow);
      await ledger.recordVerdict(flow.bizToken, sampleResult(status, status === 'passed' ? 0 : 1001));
      tokens.push(flow.bizToken);
    }
    return { clock, ledger, tokens };
  }

  it('delivers exactly one signed terminal event per flow while the receiver answers 503, then 200', async () => {
    const { clock, ledger, tokens } = await settled(3);
    const until = clock.now() + 60_000;
    const hooks = await receiver(() => (clock.now() < until ? 503 : 200));
    const events = await drain(ledger, clock, { url: hooks.url, secrets: [SECRET] }, tokens);
    expect(events.map((event) => event.state)).toEqual(['delivered', 'delivered', 'delivered']);
    for (const [i, token] of tokens.entries()) {
      const mine = hooks.received.filter((hook) => JSON.parse(hook.body).data.bizToken === token);
      expect(new Set(mine.map((hook) => hook.id))).toEqual(new Set([events[i]!.id]));
      expect(new Set(mine.map((hook) => hook.body)).size).toBe(1);
      expect(mine.map((hook) => hook.answered).slice(-1)).toEqual([200]);
      expect(mine.length).toBeGreaterThan(2);
      expect(events[i]!.attempts).toBe(mine.length);
    }
    expect(hooks.received.every((hook) => hook.payload !== null)).toBe(true);
    const payload = hooks.received.at(-1)!.payload!;
    expect(payload.type).toBe('verification.passed');
    expect(Object.keys(payload.data).sort()).toEqual(['bizToken', 'extra', 'reference', 'result', 'status']);
    expect(hooks.received.at(-1)!.body).not.toMatch(/videoBase64|bestFrame|ocr|binding/i);
  });

  it('never follows a redirect: it is a retry', async () => {
    const { clock, ledger, tokens } = await settled(1);
    const elsewhere = await receiver();
    const hooks = await receiver(() => ({ redirect: elsewhere.url }));
    expect(await deliverOnce({ store: ledger.store, now: clock.now, url: hooks.url, secrets: [SECRET] })).toEqual({
      delivered: 0,
      retried: 1,
      dead: 0,
    });
    expect(elsewhere.received).toHaveLength(0);
    expect((await ledger.get(tokens[0]!))?.webhook).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'redirect 302',
    });
  });

  it('retries after a timeout with the same webhook-id', async () => {
    const { clock, ledger, tokens } = await settled(1);
    const hooks = await receiver((received) => (received.length === 0 ? 'hang' : 204));
    const options = { url: hooks.url, secrets: [SECRET], timeoutMs: 300 };
    const first = await deliverOnce({ ...options, store: ledger.store, now: clock.now });
    expect(first.retried).toBe(1);
    expect((await ledger.get(tokens[0]!))?.webhook?.lastError).toBe('timeout');
    const [event] = await drain(ledger, clock, options, tokens);
    expect(event).toMatchObject({ state: 'delivered', attempts: 2, lastError: null });
    expect(hooks.received.map((hook) => hook.id)).toEqual([event!.id, event!.id]);
  });

  it('dead-letters after 3 days of failures, visibly; redelivery keeps the webhook-id', async () => {
    const { clock, ledger, tokens } = await settled(1, 'failed');
    const start = clock.now();
    let answer = 500;
    const hooks = await receiver(() => answer);
    const [dead] = await drain(ledger, clock, { url: hooks.url, secrets: [SECRET], retryMs: 5_000 }, tokens);
    expect(dead).toMatchObject({ state: 'dead', lastError: 'http 500' });
    expect(clock.now()).toBe(start + WEBHOOK_RETRY_WINDOW_MS);
    expect(dead!.attempts).toBe(hooks.received.length);
    expect(hooks.received.length).toBeGreaterThan(10);
    expect(
      (await deliverOnce({ store: ledger.store, now: clock.now, url: hooks.url, secrets: [SECRET] })).retried,
    ).toBe(0);
    const redelivered = await ledger.redeliver(tokens[0]!);
    expect(redelivered).toMatchObject({
      id: dead!.id,
      state: 'pending',
      retryUntil: clock.now() + WEBHOOK_RETRY_WINDOW_MS,
    });
    answer = 200;
    const [delivered] = await drain(ledger, clock, { url: hooks.url, secrets: [SECRET] }, tokens);
    expect(delivered).toMatchObject({ id: dead!.id, state: 'delivered' });
    expect(await ledger.redeliver('E-unknown')).toBeNull();
  });

  it('signs with every secret of a rotation list', async () => {
    const { clock, ledger } = await settled(1);
    const next = newWebhookSecret();
    const hooks = await receiver(() => 200, next);
    await deliverOnce({ store: ledger.store, now: clock.now, url: hooks.url, secrets: [SECRET, next] });
    const [hook] = hooks.received;
    expect(hook?.signature.split(' ')).toHaveLength(2);
    const headers = {
      'webhook-id': hook!.id,
      'webhook-timestamp': hook!.timestamp,
      'webhook-signature': hook!.signature,
    };
    for (const secret of [SECRET, next]) expect(new Webhook(secret).verify(hook!.body, headers)).toBeTruthy();
    expect(() => new Webhook(newWebhookSecret()).verify(hook!.body, headers)).toThrow();
  });

  it('leases a claimed event until its lease runs out', async () => {
    const { clock, ledger } = await settled(1);
    const now = clock.now();
    expect(await ledger.store.claimDeliveries(now, 10, now + 1000)).toHaveLength(1);
    expect(await ledger.store.claimDeliveries(now, 10, now + 1000)).toHaveLength(0);
    expect(await ledger.store.claimDeliveries(now + 1000, 10, now + 2000)).toHaveLength(1);
  });
});
