/**
 * The flow ledger: the integration API the proxy's routes call. Every BizToken is recorded before its
 * session is answered; the first verdict is final and writes the flow's one terminal webhook event in the
 * same transaction. Each method throws StoreUnavailableError when the store cannot be reached.
 */
import { DEFAULT_READ_BACKOFF_MS, WEBHOOK_RETRY_WINDOW_MS } from './backoff.js';
import { guarded } from './errors.js';
import { toLedgerResult, type ReadResult } from './result.js';
import { isVerdict, type TerminalStatus } from './status.js';
import type { FlowQuery, FlowRecord, FlowStore, NewFlow, WebhookEventRecord } from './types.js';

/** `FACEID_RETENTION_DAYS` default. */
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
const MAX_PAGE = 100;

export interface LedgerOptions {
  store: FlowStore;
  /** Clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Results of flows settled longer ago than this are erased by `prune()`. Default 30. */
  retentionDays?: number;
  /** First re-read after a session starts, ms. Default 15,000. */
  readBackoffMs?: number;
}

export interface FlowPage {
  flows: FlowRecord[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

export interface Ledger {
  readonly store: FlowStore;
  /** The ledger's clock (ms), shared by the reconciler. */
  readonly now: () => number;
  /** First re-read delay after a session starts, ms. */
  readonly readBackoffMs: number;
  /** Records a new pending flow. Await it before answering the session. @throws StoreUnavailableError */
  recordStarted(flow: NewFlow): Promise<void>;
  /** @returns the record, or null for a BizToken the ledger never saw. */
  get(bizToken: string): Promise<FlowRecord | null>;
  /**
   * Records a normalised read. A verdict settles a pending flow (first verdict wins, on every instance);
   * a read without one (`incomplete`, no ErrorCode) changes nothing. Media fields are dropped.
   * @returns the record as stored afterwards (a terminal one is final), or null if unknown.
   */
  recordVerdict(bizToken: string, result: ReadResult): Promise<FlowRecord | null>;
  /** Settles a pending flow as `expired` with no result (no verdict by the end of the token's life). */
  recordExpired(bizToken: string): Promise<FlowRecord | null>;
  /** A page of flows in creation order; `limit` is clamped to 1–100. */
  list(query: FlowQuery): Promise<FlowPage>;
  /** Queues the flow's terminal event again (same webhook-id, a new 3-day window). @returns null if none. */
  redeliver(bizToken: string): Promise<WebhookEventRecord | null>;
  /** Erases result, reference and extra; a tombstone with `erasedAt` remains. @returns null if unknown. */
  erase(bizToken: string): Promise<FlowRecord | null>;
  /** Erases results settled more than `retentionDays` ago. */
  prune(): Promise<{ erased: number; events: number }>;
  /** The value stored under `name`, created with `create()` on first use (shared by every instance). */
  getOrCreateSecret(name: string, create: () => string): Promise<string>;
}

/** @throws {RangeError} for a retention that is not a positive number of days. */
export function createLedger(options: LedgerOptions): Ledger {
  const {
    store,
    now = Date.now,
    retentionDays = DEFAULT_RETENTION_DAYS,
    readBackoffMs = DEFAULT_READ_BACKOFF_MS,
  } = options;
  if (!(retentionDays > 0)) throw new RangeError(`retentionDays must be positive, got ${retentionDays}`);
  const settle = (bizToken: string, status: TerminalStatus, result: ReadResult | null) => {
    const at = now();
    return guarded('settle', () =>
      store.settle(
        bizToken,
        status,
        result && toLedgerResult(result),
        at,
        `msg_${crypto.randomUUID().replaceAll('-', '')}`,
        at + WEBHOOK_RETRY_WINDOW_MS,
      ),
    );
  };
  return {
    store,
    now,
    readBackoffMs,
    recordStarted: (flow) => {
      const at = now();
      return guarded('recordStarted', () => store.insertFlow(flow, at, Math.min(at + readBackoffMs, flow.expiresAt)));
    },
    get: (bizToken) => guarded('get', () => store.getFlow(bizToken)),
    recordVerdict: (bizToken, result) =>
      isVerdict(result) ? settle(bizToken, result.status, result) : guarded('get', () => store.getFlow(bizToken)),
    recordExpired: (bizToken) => settle(bizToken, 'expired', null),
    list: async (query) => {
      const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit) || MAX_PAGE));
      const rows = await guarded('list', () => store.listFlows({ ...query, limit: limit + 1 }));
      const flows = rows.slice(0, limit);
      return { flows, next: rows.length > limit ? flows.at(-1)!.bizToken : null };
    },
    redeliver: (bizToken) => {
      const at = now();
      return guarded('redeliver', () => store.redeliver(bizToken, at, at + WEBHOOK_RETRY_WINDOW_MS));
    },
    erase: (bizToken) => guarded('erase', () => store.erase(bizToken, now())),
    prune: () => {
      const at = now();
      return guarded('prune', () => store.prune(at - retentionDays * DAY_MS, at));
    },
    getOrCreateSecret: (name, create) => guarded('secret', () => store.putSecretOnce(name, create(), now())),
  };
}
