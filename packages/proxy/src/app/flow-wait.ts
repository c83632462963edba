/**
 * The desktop's long poll of a handoff flow (`POST /web/results/wait`): answered from the ledger. A terminal
 * flow answers at once; a pending one is held, the ledger looked at every `checkMs`, and at most one paced
 * upstream read (flow-read.ts `readFlow`, GetWebVerificationResultIntl) every `upstreamEveryMs` per BizToken
 * across all waiters and pages of this app, so a flow completes without the reconciler but never costs one
 * FaceID call per poll. After `holdMs` with no verdict the answer is null (the route says `pending`).
 */
import type { Context } from 'hono';
import type { WebVerificationResult } from '../contract.js';
import { StoreUnavailableError } from '../ledger/errors.js';
import type { Ledger } from '../ledger/ledger.js';
import { isTerminal, isVerdict } from '../ledger/status.js';
import type { ProxyDeps, ProxyEnv } from './context.js';
import { readFlow, recordResult } from './flow-read.js';

/** Timings of the wait, ms. */
export interface WaitTiming {
  /** The longest a request is held before it answers `pending` (the element's LONG_POLL_MS). */
  holdMs: number;
  /** How often the ledger is looked at while holding. */
  checkMs: number;
  /** The least time between two upstream reads of one BizToken started by waits. */
  upstreamEveryMs: number;
}

export const WAIT_TIMING: WaitTiming = { holdMs: 25_000, checkMs: 400, upstreamEveryMs: 3_000 };
/** BizTokens whose last read time is kept, per ledger; the oldest is forgotten beyond it. */
const MAX_TRACKED = 10_000;

/** Per ledger: BizToken → when (Date.now ms) its last upstream read by a wait or page began. */
const lastReads = new WeakMap<Ledger, Map<string, number>>();

function readsOf(ledger: Ledger): Map<string, number> {
  let reads = lastReads.get(ledger);
  if (reads === undefined) lastReads.set(ledger, (reads = new Map()));
  return reads;
}

function note(reads: Map<string, number>, bizToken: string, at: number): void {
  reads.delete(bizToken);
  reads.set(bizToken, at);
  if (reads.size > MAX_TRACKED) reads.delete(reads.keys().next().value as string);
}

/**
 * Claims the next upstream read of `bizToken` when `gapMs` passed since the last one. A BizToken seen for the
 * first time is claimed only when `first` is true (a page after the hosted flow); a first wait only starts
 * the clock: a flow just started has nothing to read yet.
 */
export function claimUpstreamRead(ledger: Ledger, bizToken: string, gapMs: number, first: boolean): boolean {
  const reads = readsOf(ledger);
  const now = Date.now();
  const last = reads.get(bizToken);
  if (last === undefined ? !first : now - last < gapMs) {
    if (last === undefined) note(reads, bizToken, now);
    return false;
  }
  note(reads, bizToken, now);
  return true;
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A read that ends the wait: the flow is terminal in the ledger, or, unknown to it, FaceID has a verdict. */
function finalOf(read: Awaited<ReturnType<typeof readFlow>>): WebVerificationResult | null {
  if (read.record !== null) return isTerminal(read.record.status) ? read.result : null;
  return isVerdict(read.result) || read.result.status === 'expired' ? read.result : null;
}

/**
 * The final result of `bizToken`, or null when none came within `timing.holdMs` or `signal` aborted (the
 * client went away). Upstream failures are not the waiter's: the next paced read tries again.
 * @throws StoreUnavailableError when the ledger cannot be read or written.
 */
export async function waitForVerdict(
  deps: ProxyDeps,
  bizToken: string,
  signal: AbortSignal,
  c?: Context<ProxyEnv>,
  timing: WaitTiming = WAIT_TIMING,
): Promise<WebVerificationResult | null> {
  const deadline = Date.now() + timing.holdMs;
  for (;;) {
    const record = await deps.ledger.get(bizToken);
    if (record !== null && isTerminal(record.status)) return recordResult(record);
    if (claimUpstreamRead(deps.ledger, bizToken, timing.upstreamEveryMs, false)) {
      try {
        const final = finalOf(await readFlow(deps, bizToken, c));
        if (final !== null) return final;
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error;
      }
    }
    const left = deadline - Date.now();
    if (left <= 0 || signal.aborted) return null;
    await pause(Math.min(timing.checkMs, left), signal);
    if (signal.aborted) return null;
  }
}
