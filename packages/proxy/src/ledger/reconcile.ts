/**
 * One bounded pass of the reconciler: leases up to `limit` pending flows whose re-read is due, reads each
 * once through `readResult` (the routes pass the paced upstream read, GetWebVerificationResultIntl
 * normalised), and settles, expires or re-schedules it with per-flow backoff. A Worker calls it from a
 * Cron Trigger; on Node, startLedgerWorker (src/node/ledger-worker.ts) calls it on an interval.
 */
import { EXPIRY_GRACE_MS, nextReadAt } from './backoff.js';
import { guarded } from './errors.js';
import type { Ledger } from './ledger.js';
import type { ReadResult } from './result.js';
import { isVerdict } from './status.js';
import type { FlowRecord } from './types.js';

export interface ReconcileOptions {
  ledger: Ledger;
  /** Reads the normalised result of one BizToken; throws when FaceID cannot be reached (retried later). */
  readResult: (bizToken: string, flow: FlowRecord) => Promise<ReadResult>;
  /** Flows per pass. Default 20. */
  limit?: number;
  /** Lease on a claimed flow, ms; longer than one paced read. Default 30,000. */
  leaseMs?: number;
}

export interface ReconcileReport {
  /** Flows claimed this pass. */
  claimed: number;
  settled: number;
  expired: number;
  deferred: number;
  /** Reads that threw (the flow was re-scheduled). */
  failed: number;
}

type Step = 'settled' | 'expired' | 'deferred' | 'failed';

async function reconcileFlow(flow: FlowRecord, options: ReconcileOptions): Promise<Step> {
  const { ledger, readResult } = options;
  let read: ReadResult | undefined;
  try {
    read = await readResult(flow.bizToken, flow);
  } catch {
    read = undefined;
  }
  const now = ledger.now();
  if (read && isVerdict(read)) {
    await ledger.recordVerdict(flow.bizToken, read);
    return 'settled';
  }
  // No verdict by the end of the token's life (or reads failing long after it): expired.
  const deadline = read ? flow.expiresAt : flow.expiresAt + EXPIRY_GRACE_MS;
  if (now >= deadline) {
    await ledger.recordExpired(flow.bizToken);
    return 'expired';
  }
  const next = nextReadAt(now, flow.attempts + 1, flow.expiresAt, ledger.readBackoffMs);
  await guarded('deferRead', () => ledger.store.deferRead(flow.bizToken, next, now));
  return read ? 'deferred' : 'failed';
}

/** @throws StoreUnavailableError when the store cannot be reached; read failures are never thrown. */
export async function reconcileOnce(options: ReconcileOptions): Promise<ReconcileReport> {
  const { ledger, limit = 20, leaseMs = 30_000 } = options;
  const at = ledger.now();
  const flows = await guarded('claimReads', () => ledger.store.claimReads(at, limit, at + leaseMs));
  const steps = await Promise.all(flows.map((flow) => reconcileFlow(flow, options)));
  const report: ReconcileReport = { claimed: flows.length, settled: 0, expired: 0, deferred: 0, failed: 0 };
  for (const step of steps) report[step] += 1;
  return report;
}
