// The wait's own timing, short: a pending flow answers null after the hold, an abort ends it at once, and a
// first wait makes no upstream call. The proxy's deps come from a real app against the real simulator.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBindingIssuer } from './binding.js';
import { createFaceIdClient } from '../client/index.js';
import type { ProxyDeps } from './context.js';
import { claimUpstreamRead, waitForVerdict } from './flow-wait.js';
import { createHandoffLinks } from './handoff-link.js';
import { resolveProxyOptions } from './options.js';
import { TEST_CREDENTIALS, testProxyOptions } from '../../test/proxy-testing.js';
import { createUpstreamGuard } from './upstream.js';

let simulator: { url: string; close(): Promise<void> };
let deps: ProxyDeps;

async function calls(): Promise<number> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  return ((await response.json()) as { calls: unknown[] }).calls.length;
}

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], testControls: true });
  const options = resolveProxyOptions(testProxyOptions(simulator.url));
  deps = {
    options,
    client: createFaceIdClient({
      credentials: options.credentials,
      endpoint: options.endpoint,
      region: options.region,
    }),
    guard: createUpstreamGuard({ maxConcurrency: 4, ratePerSecond: 0, timeoutMs: 5_000 }),
    bindings: createBindingIssuer(options.bindingSecret),
    links: createHandoffLinks(options.bindingSecret),
    ledger: options.ledger,
  };
});
afterAll(() => simulator?.close());

const timing = { holdMs: 600, checkMs: 50, upstreamEveryMs: 10_000 };

async function pendingFlow(bizToken: string): Promise<void> {
  await deps.ledger.recordStarted({
    bizToken,
    flow: 'intl',
    region: 'ap-singapore',
    reference: null,
    extra: null,
    expiresAt: Date.now() + 600_000,
  });
}

describe('waitForVerdict', () => {
  it('holds a pending flow for holdMs, then answers null, without an upstream call', async () => {
    await pendingFlow('WAIT-PENDING-1');
    const before = await calls();
    const began = Date.now();
    expect(await waitForVerdict(deps, 'WAIT-PENDING-1', new AbortController().signal, undefined, timing)).toBeNull();
    expect(Date.now() - began).toBeGreaterThanOrEqual(590);
    expect(await calls()).toBe(before);
  });

  it('answers a verdict recorded while it holds, within a check', async () => {
    await pendingFlow('WAIT-SETTLE-1');
    const waiting = waitForVerdict(deps, 'WAIT-SETTLE-1', new AbortController().signal, undefined, {
      ...timing,
      holdMs: 5_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const settledAt = Date.now();
    await deps.ledger.recordExpired('WAIT-SETTLE-1');
    expect(await waiting).toMatchObject({ status: 'expired' });
    expect(Date.now() - settledAt).toBeLessThan(300);
  });

  it('ends at once when the signal aborts', async () => {
    await pendingFlow('WAIT-ABORT-1');
    const controller = new AbortController();
    const began = Date.now();
    const waiting = waitForVerdict(deps, 'WAIT-ABORT-1', controller.signal, undefined, { ...timing, holdMs: 10_000 });
    setTimeout(() => controller.abort(), 100);
    expect(await waiting).toBeNull();
    expect(Date.now() - began).toBeLessThan(500);
  });
});

describe('claimUpstreamRead', () => {
  it('paces reads per BizToken; a first wait only starts the clock, a first page reads', () => {
    const { ledger } = deps;
    expect(claimUpstreamRead(ledger, 'PACE-1', 1_000, false)).toBe(false);
    expect(claimUpstreamRead(ledger, 'PACE-1', 1_000, true)).toBe(false);
    expect(claimUpstreamRead(ledger, 'PACE-1', 0, false)).toBe(true);
    expect(claimUpstreamRead(ledger, 'PACE-2', 1_000, true)).toBe(true);
    expect(claimUpstreamRead(ledger, 'PACE-2', 1_000, true)).toBe(false);
  });
});
