import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { serveSimulator, type RunningSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFaceIdClient, FaceIdApiError, normaliseWebResult } from '../index.js';
import { testClock } from '../../test/clock.js';
import { sampleFlow, sampleResult } from '../../test/flows.js';
import { describeStores } from '../../test/store-cases.js';
import { EXPIRY_GRACE_MS } from './backoff.js';
import { createLedger } from './ledger.js';
import { reconcileOnce } from './reconcile.js';
import type { ReadResult } from './result.js';

describeStores('reconciler', (store) => {
  async function setup(expiresInMs = 120_000) {
    const clock = testClock();
    const ledger = createLedger({ store: await store.open(clock.now), now: clock.now, readBackoffMs: 10_000 });
    const flow = sampleFlow(1, clock.now(), { expiresAt: clock.now() + expiresInMs });
    await ledger.recordStarted(flow);
    return { clock, ledger, flow, start: clock.now() };
  }

  it('re-reads a pending flow with doubling backoff until its verdict', async () => {
    const { clock, ledger, flow, start } = await setup();
    const reads: ReadResult[] = [
      sampleResult('incomplete', null),
      sampleResult('incomplete', null),
      sampleResult('passed', 0),
    ];
    const readResult = async () => reads.shift()!;
    expect((await reconcileOnce({ ledger, readResult })).claimed).toBe(0);
    clock.advance(10_000);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ claimed: 1, deferred: 1 });
    expect(await ledger.get(flow.bizToken)).toMatchObject({ attempts: 1, nextReadAt: start + 10_000 + 20_000 });
    clock.advance(19_999);
    expect((await reconcileOnce({ ledger, readResult })).claimed).toBe(0);
    clock.advance(1);
    await reconcileOnce({ ledger, readResult });
    expect((await ledger.get(flow.bizToken))?.nextReadAt).toBe(clock.now() + 40_000);
    clock.advance(40_000);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ claimed: 1, settled: 1 });
    expect(await ledger.get(flow.bizToken)).toMatchObject({
      status: 'passed',
      webhook: { type: 'verification.passed' },
    });
    clock.advance(3_600_000);
    expect(
      (await reconcileOnce({ ledger, readResult: () => Promise.reject(new Error('no read expected')) })).claimed,
    ).toBe(0);
  });

  it('expires a flow with no verdict at the end of its BizToken life, after one last read', async () => {
    const { clock, ledger, flow } = await setup(25_000);
    let reads = 0;
    const readResult = async () => (reads++, sampleResult('incomplete', null));
    clock.advance(10_000);
    await reconcileOnce({ ledger, readResult });
    expect((await ledger.get(flow.bizToken))?.nextReadAt).toBe(flow.expiresAt);
    clock.advance(15_000);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ expired: 1 });
    expect(reads).toBe(2);
    expect(await ledger.get(flow.bizToken)).toMatchObject({
      status: 'expired',
      result: null,
      webhook: { type: 'verification.expired' },
    });
  });

  it('keeps a flow pending while reads fail, then expires it after the grace period', async () => {
    const { clock, ledger, flow } = await setup(10_000);
    const readResult = () => Promise.reject(new Error('upstream_unavailable'));
    clock.advance(10_000);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ failed: 1 });
    expect((await ledger.get(flow.bizToken))?.status).toBe('pending');
    clock.advance(EXPIRY_GRACE_MS);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ expired: 1 });
  });

  it('reads each due flow once when two passes run at the same time', async () => {
    const { clock, ledger } = await setup();
    for (let i = 2; i <= 12; i += 1) await ledger.recordStarted(sampleFlow(i, clock.now()));
    clock.advance(10_000);
    const other = store.reopen ? createLedger({ store: await store.reopen(clock.now), now: clock.now }) : ledger;
    const read: string[] = [];
    const readResult = async (bizToken: string) => (read.push(bizToken), sampleResult('failed', 1001));
    const reports = await Promise.all([
      reconcileOnce({ ledger, readResult }),
      reconcileOnce({ ledger: other, readResult }),
    ]);
    expect(reports[0].claimed + reports[1].claimed).toBe(12);
    expect(new Set(read).size).toBe(12);
    expect(read).toHaveLength(12);
  });
});

describeStores('reconciler against the simulator', (store) => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await serveSimulator({ testControls: true, bizTokenTtlMs: 60_000 });
  });
  afterAll(() => simulator.close());

  it('settles a finished flow and expires an abandoned one', async () => {
    const client = createFaceIdClient({
      credentials: DEMO_CREDENTIALS,
      region: 'ap-singapore',
      endpoint: simulator.url,
      retries: 0,
    });
    const clock = testClock();
    const ledger = createLedger({ store: await store.open(clock.now), now: clock.now });
    const tokens: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { BizToken } = await client.applyWebVerificationBizTokenIntl({ RedirectURL: 'https://app.example.com/r' });
      await ledger.recordStarted(sampleFlow(i, clock.now(), { bizToken: BizToken, expiresAt: clock.now() + 60_000 }));
      tokens.push(BizToken);
    }
    const control = (path: string, body: object) =>
      fetch(`${simulator.url}/__simulator${path}`, { method: 'POST', body: JSON.stringify(body) });
    await control('/outcomes', { token: tokens[0], outcome: 'pass' });
    const readResult = async (bizToken: string): Promise<ReadResult> => {
      try {
        return normaliseWebResult(await client.getWebVerificationResultIntl({ BizToken: bizToken }));
      } catch (error) {
        if (error instanceof FaceIdApiError && error.code === 'InvalidParameterValue.BizTokenExpired') {
          return { ...sampleResult('expired', null, error.requestId), attempts: [], extra: null };
        }
        throw error;
      }
    };
    clock.advance(15_000);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ claimed: 2, settled: 1, deferred: 1 });
    await control('/clock', { advanceMs: 60_000 });
    clock.advance(60_000);
    expect(await reconcileOnce({ ledger, readResult })).toMatchObject({ claimed: 1, settled: 1 });
    expect((await ledger.get(tokens[0]!))?.status).toBe('passed');
    expect((await ledger.get(tokens[1]!))?.status).toBe('expired');
  });
});
