/**
 * The ledger's background work on Node, in-process: a reconciler pass every `reconcileIntervalMs`
 * (FACEID_RECONCILE_INTERVAL_MS, default 30,000), webhook delivery every `deliveryIntervalMs` (default 1,000)
 * and a retention prune every hour. Timers are unref'd; `stop()` waits for the pass in progress.
 */
import { reconcileOnce, type ReconcileOptions } from '../ledger/reconcile.js';
import { deliverOnce, type DeliverOptions } from '../ledger/webhook/deliver.js';
import type { Ledger } from '../ledger/ledger.js';
import { DEFAULT_RECONCILE_INTERVAL_MS } from '../config/ledger-env.js';

export { DEFAULT_RECONCILE_INTERVAL_MS };

const PRUNE_INTERVAL_MS = 3600 * 1000;
/** Passes per tick at most, so a backlog drains without starving the event loop for long. */
const MAX_PASSES = 10;

export interface LedgerWorkerOptions {
  ledger: Ledger;
  readResult: ReconcileOptions['readResult'];
  /** Omit to run without webhooks. */
  webhook?: Omit<DeliverOptions, 'store' | 'now'>;
  reconcileIntervalMs?: number;
  deliveryIntervalMs?: number;
  /** Store errors of a pass (the next pass tries again). Default: console.error. */
  onError?: (error: unknown) => void;
}

export interface LedgerWorker {
  /** Runs a delivery pass now (e.g. right after a verdict) instead of at the next tick. */
  kick(): void;
  stop(): Promise<void>;
}

function loop(intervalMs: number, task: () => Promise<void>, onError: (error: unknown) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    running = running
      .then(task)
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(run, intervalMs).unref();
      });
  };
  timer = setTimeout(run, 0).unref();
  return {
    run,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Starts the reconciler, delivery and prune loops. */
export function startLedgerWorker(options: LedgerWorkerOptions): LedgerWorker {
  const { ledger, readResult, webhook, onError = (error) => console.error('faceid ledger:', error) } = options;
  const reconcile = loop(
    options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS,
    async () => {
      for (let pass = 0; pass < MAX_PASSES; pass += 1) {
        const report = await reconcileOnce({ ledger, readResult });
        if (report.claimed === 0) break;
      }
    },
    onError,
  );
  const deliver = webhook
    ? loop(
        options.deliveryIntervalMs ?? 1_000,
        async () => {
          for (let pass = 0; pass < MAX_PASSES; pass += 1) {
            const report = await deliverOnce({ ...webhook, store: ledger.store, now: ledger.now });
            if (report.delivered + report.retried + report.dead === 0) break;
          }
        },
        onError,
      )
    : undefined;
  const prune = loop(PRUNE_INTERVAL_MS, async () => void (await ledger.prune()), onError);
  return {
    kick: () => deliver?.run(),
    stop: async () => {
      await Promise.all([reconcile.stop(), deliver?.stop(), prune.stop()]);
    },
  };
}
