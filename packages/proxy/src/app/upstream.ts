/**
 * Guards every upstream call (security rule 6): at most `maxConcurrency` in flight per action, attempts of each
 * action spaced to `ratePerSecond` (FaceID allows 20; excess calls wait their turn, retries included), and one
 * deadline per route (`timeoutMs`, retries included) that aborts the call through its AbortSignal.
 * When the deadline fires, the caller gets 504 `upstream_timeout` whatever the client threw.
 */
import { isRequestLimit } from '../client/client.js';
import { abortableSleep } from '../client/retry.js';
import { ProxyError, toProxyError } from './errors.js';
import { createMemoryPacer, type UpstreamPacer } from './pacing.js';

export interface UpstreamGuardOptions {
  /** Calls in flight at most, per action. */
  maxConcurrency: number;
  /** Starts per action per second; 0 = unlimited. */
  ratePerSecond: number;
  /** Route deadline, ms. */
  timeoutMs: number;
  /** Clock of the pacing, Unix ms. Default `Date.now`. */
  now?: () => number;
  /** Waits `ms` or rejects when `signal` aborts. Default a `setTimeout` sleep. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Where the slots are kept. Default one process's memory (createMemoryPacer). */
  pacer?: UpstreamPacer;
  /** Prefix of the pacing keys: the account, so instances of one account share slots. Default ''. */
  account?: string;
}

/** One guarded call: it must await `beforeAttempt` before each attempt it sends (the FaceID client does). */
export type UpstreamCall<T> = (options: {
  signal: AbortSignal;
  timeoutMs: number;
  beforeAttempt: (attempt: number, previous: unknown) => Promise<void>;
}) => Promise<T>;
export type UpstreamGuard = <T>(action: string, call: UpstreamCall<T>, requestSignal?: AbortSignal) => Promise<T>;

/** A counting semaphore whose waiters give up when their signal aborts. */
function semaphore(size: number) {
  let free = size;
  const waiters: (() => void)[] = [];
  return {
    async acquire(signal: AbortSignal): Promise<void> {
      if (free > 0) {
        free -= 1;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          waiters.splice(waiters.indexOf(wake), 1);
          reject(signal.reason as Error);
        };
        waiters.push(wake);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    release(): void {
      const next = waiters.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/** After `RequestLimitExceeded`, no attempt of that action for this long, ms (FaceID counts per second). */
export const REQUEST_LIMIT_PAUSE_MS = 1000;
/**
 * A slot taken and woken up later than this many spacings is given up for a new one: at 18/s a second holds 2
 * calls of headroom under FaceID's 20. Warm, a reservation and its wake are late by ≤ 15 ms; slots are given up
 * in a cold burst's first second.
 */
const LATE_SLOTS = 2;

/**
 * One route deadline: aborts at `timeoutMs` or when the request's own signal aborts (client gone). A controller
 * and a timer, cleared at the end: `AbortSignal.timeout` + `AbortSignal.any` cost ~30 µs CPU per call on Node 20.
 */
function routeDeadline(timeoutMs: number, requestSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The route deadline passed', 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(requestSignal?.reason);
  if (requestSignal?.aborted) onAbort();
  else requestSignal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    expired: () => expired,
    clear: () => {
      clearTimeout(timer);
      requestSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** 503 `upstream_busy`: the Action's budget is taken beyond the route's deadline; `Retry-After` in seconds. */
function upstreamBusy(waitMs: number): ProxyError {
  return new ProxyError('upstream_busy', "FaceID calls are queued beyond this request's deadline; try again later", {
    retryable: true,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  });
}

/** Builds the guard shared by every route of one app. */
export function createUpstreamGuard(options: UpstreamGuardOptions): UpstreamGuard {
  // One semaphore per action: hung reads can fill only their own action's slots, never a session start's.
  const semaphores = new Map<string, ReturnType<typeof semaphore>>();
  const slotsOf = (action: string) => {
    let slots = semaphores.get(action);
    if (slots === undefined) semaphores.set(action, (slots = semaphore(options.maxConcurrency)));
    return slots;
  };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const pacer = options.pacer ?? createMemoryPacer(now);
  const spacingMs = options.ratePerSecond === 0 ? 0 : 1000 / options.ratePerSecond;
  const account = options.account ?? '';
  return async (action, call, requestSignal) => {
    const deadline = routeDeadline(options.timeoutMs, requestSignal);
    const key = `${account}${action}`;
    const startedAt = now();
    const slots = slotsOf(action);
    let acquired = false;
    try {
      await slots.acquire(deadline.signal);
      acquired = true;
      // Every attempt, retries included, takes its own slot; a frequency-limit refusal pauses the action.
      const beforeAttempt = async (_attempt: number, previous: unknown) => {
        if (isRequestLimit(previous)) await pacer.pause(key, REQUEST_LIMIT_PAUSE_MS);
        for (;;) {
          // A slot beyond the route's deadline is not taken: the caller hears when to come back instead.
          const asked = now();
          const slot = await pacer.reserve(key, spacingMs, Math.max(0, startedAt + options.timeoutMs - asked));
          if (!slot.reserved) throw upstreamBusy(slot.waitMs);
          if (slot.waitMs > 0) await sleep(slot.waitMs, deadline.signal);
          deadline.signal.throwIfAborted();
          // Late = woken after the slot, plus the reservation's own round trip: a process slow to get its slot
          // (busy event loop, pool or row-lock queue) is slow to put the call on the wire too, where it would
          // bunch with the next slots. Measured: counting only the wake let cold bursts reach 22-25 in a second.
          const late = now() - asked - slot.waitMs;
          if (spacingMs === 0 || late <= LATE_SLOTS * spacingMs) return;
        }
      };
      deadline.signal.throwIfAborted();
      return await call({ signal: deadline.signal, timeoutMs: options.timeoutMs, beforeAttempt });
    } catch (error) {
      throw toProxyError(error, deadline.expired());
    } finally {
      deadline.clear();
      if (acquired) slots.release();
    }
  };
}
