/**
 * One bounded pass of all the ledger's background work, for runtimes without a long-lived process: a Worker's
 * Cron Trigger (`scheduled()`), a serverless cron, a job runner. It re-reads due pending flows (reconcileOnce),
 * delivers due webhooks (deliverOnce) and, when `prune` is set, erases results past retention. Each step is
 * bounded by its `limit`, so one pass fits a Cron Trigger's CPU budget; run it every minute or so. On Node,
 * `faceid-proxy` (startLedgerWorker) does the same on timers.
 */
import type { Ledger } from './ledger.js';
import { reconcileOnce, type ReconcileOptions, type ReconcileReport } from './reconcile.js';
import { deliverOnce, type DeliverOptions, type DeliverReport } from './webhook/deliver.js';

export interface LedgerPassOptions {
  ledger: Ledger;
  /** The paced upstream read: `upstreamReaderOf(ledger)` once the proxy app was created with this ledger. */
  readResult: ReconcileOptions['readResult'];
  /** Omit to run without webhooks. `url` and `secrets` as FACEID_WEBHOOK_URL and FACEID_WEBHOOK_SECRET. */
  webhook?: Omit<DeliverOptions, 'store' | 'now'>;
  /** Flows re-read at most. Default 20. */
  reconcileLimit?: number;
  /** Also erase results past the ledger's retention. Default false (hourly is plenty). */
  prune?: boolean;
}

export interface LedgerPassReport {
  reconcile: ReconcileReport;
  /** Null without `webhook`. */
  deliver: DeliverReport | null;
  /** Null unless `prune`. */
  pruned: { erased: number; events: number } | null;
}

/**
 * Runs one pass. Reads that fail are re-scheduled, never thrown; deliveries that fail are retried later.
 * @throws StoreUnavailableError when the store cannot be reached (the next pass tries again).
 * @example
 * export default {
 *   fetch: (request, env, ctx) => app.fetch(request, env, ctx),
 *   scheduled: (_controller, env, ctx) =>
 *     ctx.waitUntil(runLedgerPass({ ledger, readResult: upstreamReaderOf(ledger), webhook: { url, secrets } })),
 * };
 */
export async function runLedgerPass(options: LedgerPassOptions): Promise<LedgerPassReport> {
  const { ledger, readResult, webhook } = options;
  const reconcile = await reconcileOnce({
    ledger,
    readResult,
    ...(options.reconcileLimit !== undefined && { limit: options.reconcileLimit }),
  });
  const deliver = webhook ? await deliverOnce({ ...webhook, store: ledger.store, now: ledger.now }) : null;
  const pruned = options.prune ? await ledger.prune() : null;
  return { reconcile, deliver, pruned };
}
