/**
 * One bounded pass of webhook delivery from the outbox, at least once: claims due events with a lease,
 * POSTs each signed (Standard Webhooks), and records the outcome. 2xx is delivered; any other status, a
 * redirect (never followed), a timeout or a network error is retried with exponential backoff and jitter
 * until the event's 3-day window ends, then it is dead-lettered (`webhook.state = 'dead'`, visible on the
 * flow). Retries and redeliveries keep the webhook-id. A process killed mid-delivery leaves a lease that
 * runs out, and the next pass sends the event again.
 */
import { DEFAULT_WEBHOOK_RETRY_MS, webhookRetryDelay } from '../backoff.js';
import { guarded } from '../errors.js';
import type { ClaimedDelivery, DeliveryOutcome, FlowStore } from '../types.js';
import { webhookHeaders, webhookPayload, webhookSigners } from './event.js';

/** Standard Webhooks receivers must answer within this, ms. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface DeliverOptions {
  store: FlowStore;
  /** The integrator's endpoint (FACEID_WEBHOOK_URL, checked by parseWebhookUrl). */
  url: string | URL;
  /** `whsec_…` secrets (parseWebhookSecrets); each adds a signature. */
  secrets: readonly string[];
  /** Default the global fetch. Called with `redirect: 'manual'` and a timeout signal. */
  fetch?: typeof fetch;
  /** Clock, ms. Default `Date.now`. */
  now?: () => number;
  /** Events per pass. Default 20. */
  limit?: number;
  /** Per-attempt timeout, ms. Default 10,000. */
  timeoutMs?: number;
  /** First retry delay, ms (FACEID_WEBHOOK_RETRY_MS). Default 5,000. */
  retryMs?: number;
  /** Lease on a claimed event, ms; longer than a timeout. Default 30,000. */
  leaseMs?: number;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
}

export interface DeliverReport {
  delivered: number;
  retried: number;
  dead: number;
}

/** POSTs one event; @returns `null` for delivered, else what went wrong (`http 503`, `redirect 302`, …). */
async function send(
  claim: ClaimedDelivery,
  options: Required<Omit<DeliverOptions, 'store'>>,
  signers: ReturnType<typeof webhookSigners>,
) {
  const body = JSON.stringify(webhookPayload(claim.event, claim.flow));
  const headers = {
    'content-type': 'application/json',
    ...webhookHeaders(signers, claim.event.id, options.now(), body),
  };
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return null;
    return response.status >= 300 && response.status < 400 ? `redirect ${response.status}` : `http ${response.status}`;
  } catch (error) {
    const name = (error as Error).name;
    return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : `network: ${(error as Error).message}`;
  }
}

function outcomeOf(
  claim: ClaimedDelivery,
  failure: string | null,
  now: number,
  retryMs: number,
  random: () => number,
): DeliveryOutcome {
  if (failure === null) return { kind: 'delivered', at: now, lastError: null };
  const { attempts, retryUntil } = claim.event;
  if (now >= retryUntil) return { kind: 'dead', lastError: failure };
  const next = Math.min(now + webhookRetryDelay(attempts + 1, retryMs, random), retryUntil);
  return { kind: 'retry', nextAttemptAt: next, lastError: failure };
}

/**
 * Delivers the due events once. @throws StoreUnavailableError when the store cannot be reached
 * (a receiver's failure is never thrown: it is recorded as a retry).
 */
export async function deliverOnce(options: DeliverOptions): Promise<DeliverReport> {
  const full = {
    // Called through a wrapper: workerd's fetch throws "Illegal invocation" when called as a method of `full`.
    fetch: ((input, init) => globalThis.fetch(input, init)) as typeof fetch,
    now: Date.now,
    limit: 20,
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    retryMs: DEFAULT_WEBHOOK_RETRY_MS,
    leaseMs: 30_000,
    random: Math.random,
    ...options,
  };
  const { store } = full;
  const signers = webhookSigners(full.secrets);
  const at = full.now();
  const claims = await guarded('claimDeliveries', () => store.claimDeliveries(at, full.limit, at + full.leaseMs));
  const report: DeliverReport = { delivered: 0, retried: 0, dead: 0 };
  await Promise.all(
    claims.map(async (claim) => {
      const failure = await send(claim, full, signers);
      const now = full.now();
      const outcome = outcomeOf(claim, failure, now, full.retryMs, full.random);
      await guarded('finishDelivery', () => store.finishDelivery(claim.event.id, outcome, now));
      report[outcome.kind === 'retry' ? 'retried' : outcome.kind] += 1;
    }),
  );
  return report;
}
