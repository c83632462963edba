/**
 * Reading one web flow's result: from the ledger when the flow is terminal (no upstream call), otherwise
 * upstream through the app's guard and client (GetWebVerificationResultIntl, legacy GetWebVerificationResult)
 * and the outcome table (BizTokenExpired → `expired`), recording the first verdict in the ledger. The
 * reconciler reads through the same paced call (`upstreamReaderOf`), so every FaceID call shares one pacing.
 */
import type { Context } from 'hono';
import type { WebVerificationResult } from '../contract.js';
import type { Ledger } from '../ledger/ledger.js';
import { isTerminal, isVerdict } from '../ledger/status.js';
import type { FlowRecord } from '../ledger/types.js';
import type { ProxyDeps, ProxyEnv } from './context.js';
import { ProxyError } from './errors.js';
import { expiredWebResult, normaliseWebResult } from './normalise.js';

const READ_ACTION = { intl: 'GetWebVerificationResultIntl', legacy: 'GetWebVerificationResult' } as const;

/** The paced upstream read of one BizToken, normalised; throws when FaceID cannot be reached. */
export type UpstreamReader = (bizToken: string) => Promise<WebVerificationResult>;

/**
 * One upstream result read, normalised (media as the `media` option allows). A failure the outcome table
 * makes a verdict (BizTokenExpired) is answered as an `expired` result.
 * @throws ProxyError for any other failure (upstream_unavailable, upstream_timeout, …).
 */
export async function readUpstream(
  deps: ProxyDeps,
  bizToken: string,
  c?: Context<ProxyEnv>,
): Promise<WebVerificationResult> {
  const action = READ_ACTION[deps.options.flow];
  c?.set('action', action);
  try {
    const reply = await deps.guard(action, (options) => deps.client.call(action, { BizToken: bizToken }, options));
    c?.set('upstreamRequestId', reply.RequestId);
    return normaliseWebResult(reply, deps.options.media);
  } catch (error) {
    const { verdict, requestId = '' } = error instanceof ProxyError ? error.details : {};
    if (verdict !== 'expired') throw error;
    c?.set('upstreamRequestId', requestId);
    return expiredWebResult(requestId, 'BizToken expired');
  }
}

/** The result a terminal record answers with: its stored result (never media), or its bare status. */
export function recordResult(record: FlowRecord): WebVerificationResult {
  if (record.result !== null) return { ...record.result, status: record.status as WebVerificationResult['status'] };
  return {
    status: record.status === 'pending' ? 'incomplete' : record.status,
    errorCode: null,
    errorMessage: null,
    similarity: null,
    attempts: [],
    extra: null,
    requestId: '',
  };
}

export interface FlowRead {
  result: WebVerificationResult;
  /** The ledger's record after the read; null for a BizToken this ledger never recorded. */
  record: FlowRecord | null;
  /** False when the ledger answered without an upstream call. */
  upstream: boolean;
}

/**
 * Reads a flow: a terminal flow from the ledger (no upstream call); otherwise upstream, recording a verdict
 * (first verdict wins) or `expired` once the token's life has ended without one.
 * @throws StoreUnavailableError when the ledger cannot be read or written; ProxyError for upstream failures.
 */
export async function readFlow(deps: ProxyDeps, bizToken: string, c?: Context<ProxyEnv>): Promise<FlowRead> {
  const { ledger } = deps;
  const before = await ledger.get(bizToken);
  if (before !== null && isTerminal(before.status))
    return { result: recordResult(before), record: before, upstream: false };
  const result = await readUpstream(deps, bizToken, c);
  let record = before;
  if (before !== null && isVerdict(result)) record = await ledger.recordVerdict(bizToken, result);
  else if (before !== null && ledger.now() >= before.expiresAt) record = await ledger.recordExpired(bizToken);
  // Another instance (or the reconciler) may have settled it first: the stored verdict is final.
  const final = record !== null && isTerminal(record.status) && record.status !== result.status;
  return { result: final && record !== null ? recordResult(record) : result, record, upstream: true };
}

const readers = new WeakMap<Ledger, UpstreamReader>();

/** Called by `createFaceIdProxy`: the reconciler of `deps.ledger` reads through this app's paced client. */
export function bindUpstreamReader(deps: ProxyDeps): void {
  readers.set(deps.ledger, (bizToken) => readUpstream(deps, bizToken));
}

/**
 * The paced upstream read of the proxy app created with `ledger` (the last one), for the reconciler:
 * `startLedgerWorker({ ledger, readResult: upstreamReaderOf(ledger) })` or `runLedgerPass(...)`.
 * @throws {TypeError} when no proxy app was created with this ledger.
 */
export function upstreamReaderOf(ledger: Ledger): UpstreamReader {
  const reader = readers.get(ledger);
  if (reader === undefined) throw new TypeError('upstreamReaderOf: create the proxy with this ledger first');
  return reader;
}
