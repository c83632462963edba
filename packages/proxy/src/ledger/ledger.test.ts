import { expect, it } from 'vitest';
import { testClock } from '../../test/clock.js';
import { sampleFlow, sampleResult } from '../../test/flows.js';
import { describeStores } from '../../test/store-cases.js';
import { createLedger } from './ledger.js';
import { FLOW_STATUSES } from './status.js';

const DAY = 24 * 3600 * 1000;

describeStores('ledger', (store) => {
  async function setup() {
    const clock = testClock();
    const ledger = createLedger({ store: await store.open(clock.now), now: clock.now });
    return { clock, ledger };
  }

  it('records a started flow as pending with every field', async () => {
    const { clock, ledger } = await setup();
    const flow = sampleFlow(1, clock.now());
    await ledger.recordStarted(flow);
    await ledger.recordStarted({ ...flow, reference: 'someone-else' });
    expect(await ledger.get(flow.bizToken)).toEqual({
      ...flow,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      status: 'pending',
      result: null,
      attempts: 0,
      nextReadAt: clock.now() + 15_000,
      erasedAt: null,
      webhook: null,
    });
    expect(await ledger.get('E-unknown')).toBeNull();
  });

  it('settles on the first verdict, drops media, and no later read changes it', async () => {
    const { clock, ledger } = await setup();
    const flow = sampleFlow(2, clock.now());
    await ledger.recordStarted(flow);
    expect((await ledger.recordVerdict(flow.bizToken, sampleResult('incomplete', null)))?.status).toBe('pending');
    clock.advance(1000);
    const settled = await ledger.recordVerdict(flow.bizToken, sampleResult('failed', 2016, 'req-first'));
    expect(settled).toMatchObject({
      status: 'failed',
      updatedAt: clock.now(),
      webhook: { type: 'verification.failed' },
    });
    expect(settled?.result).toEqual({
      status: 'failed',
      errorCode: 2016,
      errorMessage: 'code 2016',
      similarity: null,
      attempts: [
        {
          errorCode: 2016,
          livenessErrorCode: 0,
          compareErrorCode: 2016,
          similarity: 91.5,
          at: '2026-12-02T06:00:00.000Z',
        },
      ],
      extra: 'order-1',
      requestId: 'req-first',
    });
    clock.advance(1000);
    for (const later of [sampleResult('passed', 0), sampleResult('expired', 15)]) {
      expect(await ledger.recordVerdict(flow.bizToken, later)).toEqual(settled);
    }
    expect(await ledger.recordExpired(flow.bizToken)).toEqual(settled);
    expect(await ledger.get(flow.bizToken)).toEqual(settled);
  });

  it('maps every terminal status to its event type; 1409 and 1410 are verdicts', async () => {
    const { clock, ledger } = await setup();
    const reads = [
      sampleResult('passed', 0),
      sampleResult('failed', 1001),
      sampleResult('incomplete', 1410),
      sampleResult('expired', 15),
    ];
    for (const [i, read] of reads.entries()) {
      const flow = sampleFlow(10 + i, clock.now());
      await ledger.recordStarted(flow);
      const settled = await ledger.recordVerdict(flow.bizToken, read);
      expect(settled?.webhook?.type).toBe(`verification.${read.status}`);
    }
    const quiet = sampleFlow(20, clock.now());
    await ledger.recordStarted(quiet);
    expect((await ledger.recordExpired(quiet.bizToken))?.webhook?.type).toBe('verification.expired');
    expect(FLOW_STATUSES).toHaveLength(5);
  });

  it('lets exactly one of many concurrent verdicts win, with one event', async () => {
    const { clock, ledger } = await setup();
    const flow = sampleFlow(3, clock.now());
    await ledger.recordStarted(flow);
    const others = store.reopen ? [createLedger({ store: await store.reopen(clock.now), now: clock.now })] : [];
    const racers = [ledger, ...others];
    const verdicts = [sampleResult('passed', 0), sampleResult('failed', 1001), sampleResult('incomplete', 1409)];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => racers[i % racers.length]!.recordVerdict(flow.bizToken, verdicts[i % 3]!)),
    );
    const statuses = new Set(results.map((r) => r?.status));
    const ids = new Set(results.map((r) => r?.webhook?.id));
    expect(statuses.size).toBe(1);
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect((await ledger.get(flow.bizToken))?.status).toBe([...statuses][0]);
  });

  it('pages flows in creation order, filtered by status', async () => {
    const { clock, ledger } = await setup();
    for (let i = 0; i < 7; i += 1) {
      await ledger.recordStarted(sampleFlow(100 + i, clock.now()));
      clock.advance(10);
    }
    await ledger.recordVerdict(sampleFlow(101, 0).bizToken, sampleResult('passed', 0));
    const first = await ledger.list({ limit: 3 });
    expect(first.flows.map((f) => f.reference)).toEqual(['user-100', 'user-101', 'user-102']);
    const second = await ledger.list({ limit: 3, after: first.next! });
    expect(second.flows.map((f) => f.reference)).toEqual(['user-103', 'user-104', 'user-105']);
    const last = await ledger.list({ limit: 3, after: second.next! });
    expect(last).toEqual({ flows: [expect.objectContaining({ reference: 'user-106' })], next: null });
    const passed = await ledger.list({ limit: 10, status: 'passed' });
    expect(passed.flows.map((f) => f.reference)).toEqual(['user-101']);
  });

  it('erases result data and keeps a tombstone', async () => {
    const { clock, ledger } = await setup();
    const flow = sampleFlow(4, clock.now());
    await ledger.recordStarted(flow);
    await ledger.recordVerdict(flow.bizToken, sampleResult('passed', 0));
    clock.advance(5000);
    const erased = await ledger.erase(flow.bizToken);
    expect(erased).toMatchObject({
      bizToken: flow.bizToken,
      status: 'passed',
      result: null,
      reference: null,
      extra: null,
      erasedAt: clock.now(),
    });
    expect(await ledger.get(flow.bizToken)).toEqual(erased);
    expect(await ledger.recordVerdict(flow.bizToken, sampleResult('failed', 1001))).toEqual(erased);
    expect(await ledger.erase('E-unknown')).toBeNull();
  });

  it('prunes results settled before the retention window, never pending flows', async () => {
    const { clock, ledger } = await setup();
    const old = sampleFlow(5, clock.now());
    const pending = sampleFlow(6, clock.now(), { expiresAt: clock.now() + 40 * DAY });
    await ledger.recordStarted(old);
    await ledger.recordStarted(pending);
    await ledger.recordVerdict(old.bizToken, sampleResult('passed', 0));
    clock.advance(29 * DAY);
    const recent = sampleFlow(7, clock.now());
    await ledger.recordStarted(recent);
    await ledger.recordVerdict(recent.bizToken, sampleResult('failed', 1001));
    expect(await ledger.prune()).toEqual({ erased: 0, events: 0 });
    clock.advance(1 * DAY + 1);
    expect((await ledger.prune()).erased).toBe(1);
    expect(await ledger.get(old.bizToken)).toMatchObject({
      result: null,
      reference: null,
      erasedAt: clock.now(),
      status: 'passed',
    });
    expect((await ledger.get(recent.bizToken))?.result?.errorCode).toBe(1001);
    expect((await ledger.get(pending.bizToken))?.status).toBe('pending');
    expect(await ledger.prune()).toEqual({ erased: 0, events: 0 });
  });

  it('creates a named secret once and returns it on every later call', async () => {
    const { ledger } = await setup();
    const first = await ledger.getOrCreateSecret('binding', () => 'secret-one');
    expect(first).toBe('secret-one');
    expect(await ledger.getOrCreateSecret('binding', () => 'secret-two')).toBe('secret-one');
    if (store.reopen) {
      const restarted = createLedger({ store: await store.reopen() });
      expect(await restarted.getOrCreateSecret('binding', () => 'secret-three')).toBe('secret-one');
    }
  });
});
