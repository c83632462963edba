/**
 * Guards every upstream call (security rule 6): at most `maxConcurrency` in flight per action, at most
 * `ratePerSecond` starts per action per second (FaceID allows 20; excess calls wait their turn), and one
 * deadline per route (`timeoutMs`, retries included) that aborts the call through its AbortSignal.
 * When the deadline fires, the caller gets 504 `upstream_timeout` whatever the client threw.
 */
import { abortableSleep } from '../client/retry.js';
import { toProxyError } from './errors.js';

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
}

export type UpstreamCall<T> = (options: { signal: AbortSignal; timeoutMs: number }) => Promise<T>;
export type UpstreamGuard = <T>(action: string, call: UpstreamCall<T>, requestSignal?: AbortSignal) => Promise<T>;

const WINDOW_MS = 1000;

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

/** Per-action start times in the last second; waits until a slot frees up. */
function actionPacer(
  ratePerSecond: number,
  now: () => number,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
) {
  const starts = new Map<string, number[]>();
  return async (action: string, signal: AbortSignal): Promise<void> => {
    if (ratePerSecond === 0) return;
    const times = starts.get(action) ?? [];
    starts.set(action, times);
    for (;;) {
      const at = now();
      while (times.length > 0 && (times[0] as number) <= at - WINDOW_MS) times.shift();
      if (times.length < ratePerSecond) {
        times.push(at);
        return;
      }
      await sleep((times[0] as number) + WINDOW_MS - at, signal);
    }
  };
}

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

/** Builds the guard shared by every route of one app. */
export function createUpstreamGuard(options: UpstreamGuardOptions): UpstreamGuard {
  // One semaphore per action: hung reads can fill only their own action's slots, never a session start's.
  const semaphores = new Map<string, ReturnType<typeof semaphore>>();
  const slotsOf = (action: string) => {
    let slots = semaphores.get(action);
    if (slots === undefined) semaphores.set(action, (slots = semaphore(options.maxConcurrency)));
    return slots;
  };
  const pace = actionPacer(options.ratePerSecond, options.now ?? Date.now, options.sleep ?? abortableSleep);
  return async (action, call, requestSignal) => {
    const deadline = routeDeadline(options.timeoutMs, requestSignal);
    const slots = slotsOf(action);
    let acquired = false;
    try {
      await slots.acquire(deadline.signal);
      acquired = true;
      await pace(action, deadline.signal);
      deadline.signal.throwIfAborted();
      return await call({ signal: deadline.signal, timeoutMs: options.timeoutMs });
    } catch (error) {
      throw toProxyError(error, deadline.expired());
    } finally {
      deadline.clear();
      if (acquired) slots.release();
    }
  };
}
