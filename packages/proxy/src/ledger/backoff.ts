/** Backoff schedules of the reconciler (re-reads) and the webhook outbox (retries). All times in ms. */

/** Standard Webhooks retry window: after 3 days of failures an event is dead-lettered. */
export const WEBHOOK_RETRY_WINDOW_MS = 3 * 24 * 3600 * 1000;
/** `FACEID_WEBHOOK_RETRY_MS` default: the first retry's delay. */
export const DEFAULT_WEBHOOK_RETRY_MS = 5_000;
/** Longest pause between two webhook attempts. */
export const MAX_WEBHOOK_RETRY_MS = 6 * 3600 * 1000;
/** First re-read of a pending flow after its session started, then doubling. */
export const DEFAULT_READ_BACKOFF_MS = 15_000;
/** Longest pause between two re-reads of one flow. */
export const MAX_READ_BACKOFF_MS = 10 * 60 * 1000;
/** After a BizToken's life ends, reads that keep failing are retried this long before the flow is `expired`. */
export const EXPIRY_GRACE_MS = 24 * 3600 * 1000;

/**
 * Delay before webhook attempt `attempt + 1` after `attempt` failures (1-based): `baseMs · 2^(attempt-1)`,
 * capped, with jitter in [50 %, 100 %] so retries of many events spread out. `random` is in [0, 1).
 */
export function webhookRetryDelay(attempt: number, baseMs: number, random: () => number): number {
  const full = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_WEBHOOK_RETRY_MS);
  return Math.round(full * (0.5 + random() / 2));
}

/**
 * When to re-read a pending flow that has had `attempts` reads: doubling from `baseMs` up to
 * MAX_READ_BACKOFF_MS, never later than the BizToken's end (one last read decides there).
 */
export function nextReadAt(now: number, attempts: number, expiresAt: number, baseMs: number): number {
  const delay = Math.min(baseMs * 2 ** attempts, MAX_READ_BACKOFF_MS);
  return now < expiresAt ? Math.min(now + delay, expiresAt) : now + delay;
}
