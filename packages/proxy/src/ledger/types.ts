/**
 * Shapes of the flow ledger and the store interface its adapters implement (memory, SQLite, PostgreSQL).
 * Times are ms since the epoch throughout; the store never sees media, bindings or secrets of flows.
 */
import type { HitCounter, UpstreamPacer } from '../app/pacing.js';
import type { FlowStatus, TerminalStatus, WebhookEventType } from './status.js';

/** One verification attempt as kept in the ledger (WebVerificationResult `attempts[]`). */
export interface LedgerAttempt {
  errorCode: number | null;
  livenessErrorCode: number | null;
  compareErrorCode: number | null;
  similarity: number | null;
  at: string | null;
}

/** The normalised WebVerificationResult without media fields (video, best frame, OCR never stored). */
export interface LedgerResult {
  status: TerminalStatus;
  errorCode: number | null;
  errorMessage: string | null;
  similarity: number | null;
  attempts: LedgerAttempt[];
  extra: string | null;
  requestId: string;
}

/** What a route records when FaceID issued a BizToken, before the session is answered. */
export interface NewFlow {
  bizToken: string;
  /** `web` (ApplyWebVerificationBizTokenIntl) or another flow name of the route table. */
  flow: string;
  region: string;
  /** The integrator's own reference from `beforeSession`; never from a browser. */
  reference: string | null;
  /** Tencent `Extra` as set server-side. */
  extra: string | null;
  /** When the BizToken's life ends (ms): after it, no verdict means `expired`. */
  expiresAt: number;
}

/** Delivery state of a flow's one terminal webhook event. */
export type WebhookState = 'pending' | 'delivered' | 'dead';

/** The outbox row of a flow's terminal event; `id` is the webhook-id, the same on every retry. */
export interface WebhookEventRecord {
  id: string;
  bizToken: string;
  type: WebhookEventType;
  /** When the event was written (ms); the payload's `timestamp`. */
  createdAt: number;
  state: WebhookState;
  attempts: number;
  nextAttemptAt: number;
  /** Retries stop and the event is dead-lettered after this time (ms): 3 days after the verdict or redelivery. */
  retryUntil: number;
  deliveredAt: number | null;
  /** Last answer: an HTTP status, or `timeout`, `redirect`, `network`. */
  lastError: string | null;
}

/** A flow as the ledger knows it (`GET /flows/{bizToken}`). */
export interface FlowRecord extends NewFlow {
  createdAt: number;
  updatedAt: number;
  status: FlowStatus;
  /** The terminal result; null while pending, after an erase, or for `expired` without a read. */
  result: LedgerResult | null;
  /** Upstream result reads made for this flow by the reconciler. */
  attempts: number;
  /** The reconciler's next re-read (ms), for pending flows. */
  nextReadAt: number;
  /** Set when the result data was erased (DELETE or retention); the record stays as a tombstone. */
  erasedAt: number | null;
  /** The terminal event, once there is one. */
  webhook: WebhookEventRecord | null;
}

/** `GET /flows?status=&after=&limit=`: ordered by creation, `after` is the last bizToken of the previous page. */
export interface FlowQuery {
  status?: FlowStatus | undefined;
  after?: string | undefined;
  limit: number;
}

export type DeliveryOutcome =
  | { kind: 'delivered'; at: number; lastError: null }
  | { kind: 'retry'; nextAttemptAt: number; lastError: string }
  | { kind: 'dead'; lastError: string };

/** A claimed delivery: the event and the flow its payload is built from. */
export interface ClaimedDelivery {
  event: WebhookEventRecord;
  flow: FlowRecord;
}

/**
 * The storage interface. Every method is atomic on its own. Claims set a lease (`leaseUntil` ms) so one
 * worker at a time holds a flow or event; a crashed worker's lease simply runs out (PostgreSQL claims use
 * `FOR UPDATE SKIP LOCKED`). Errors are the driver's; the ledger maps them to StoreUnavailableError.
 */
export interface FlowStore {
  /** Applies pending migrations (idempotent; safe on concurrent start). */
  migrate(): Promise<void>;
  /** Inserts a pending flow; a second insert of the same bizToken changes nothing. */
  insertFlow(flow: NewFlow, now: number, nextReadAt: number): Promise<void>;
  getFlow(bizToken: string): Promise<FlowRecord | null>;
  listFlows(query: FlowQuery): Promise<FlowRecord[]>;
  /**
   * Moves a pending flow to `status` and writes its terminal event `eventId` in the same transaction.
   * A flow already terminal is left as it is. @returns the flow as stored afterwards, null if unknown.
   */
  settle(
    bizToken: string,
    status: TerminalStatus,
    result: LedgerResult | null,
    now: number,
    eventId: string,
    retryUntil: number,
  ): Promise<FlowRecord | null>;
  /** Leases up to `limit` pending flows due for a re-read (nextReadAt ≤ now, no live lease). */
  claimReads(now: number, limit: number, leaseUntil: number): Promise<FlowRecord[]>;
  /** Schedules a pending flow's next re-read and releases its lease; counts one read attempt. */
  deferRead(bizToken: string, nextReadAt: number, now: number): Promise<void>;
  /** Leases up to `limit` pending events due for delivery. */
  claimDeliveries(now: number, limit: number, leaseUntil: number): Promise<ClaimedDelivery[]>;
  /** Records one delivery attempt's outcome and releases the lease. */
  finishDelivery(eventId: string, outcome: DeliveryOutcome, now: number): Promise<void>;
  /** Puts a flow's terminal event back in the queue, due at `now`, keeping its id. @returns it, or null. */
  redeliver(bizToken: string, now: number, retryUntil: number): Promise<WebhookEventRecord | null>;
  /** Clears result, reference and extra; keeps the record with `erasedAt`. @returns it, or null if unknown. */
  erase(bizToken: string, now: number): Promise<FlowRecord | null>;
  /** Erases the results of terminal flows settled before `cutoff` and deletes their finished events. */
  prune(cutoff: number, now: number): Promise<{ erased: number; events: number }>;
  /**
   * Upstream pacing slots shared by every instance on this database (PostgreSQL); absent when one process's
   * memory is enough (memory, SQLite).
   */
  readonly pacer?: UpstreamPacer;
  /** Inbound rate-limit counters shared by every instance (PostgreSQL); absent: each process counts alone. */
  readonly hits?: HitCounter;
  /** Stores `value` under `name` unless a value is there; @returns the stored value. */
  putSecretOnce(name: string, value: string, now: number): Promise<string>;
  close(): Promise<void>;
}
