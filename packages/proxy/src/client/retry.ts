/**
 * Bounded retries with exponential backoff and full jitter (delay = random × min(maxDelayMs, baseDelayMs × 2^n)),
 * the scheme of AWS's "Exponential Backoff and Jitter". Clock and randomness are injectable for tests.
 */

export interface RetryPolicy {
  /** Extra attempts after the first one. Default 2. */
  retries: number;
  /** Backoff before the first retry, in milliseconds (doubled each time). Default 100. */
  baseDelayMs: number;
  /** Upper bound of one backoff, in milliseconds. Default 2,000. */
  maxDelayMs: number;
  /** Uniform random number in [0, 1). Default `Math.random`. */
  random: () => number;
  /** Waits `ms` milliseconds; must reject with `signal.reason` when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Waits with `setTimeout`, or rejects at once with `signal.reason` when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  retries: 2,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  random: Math.random,
  sleep: abortableSleep,
};

/** Backoff before retry number `retry` (0-based), in milliseconds. */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>, retry: number) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

/**
 * Runs `attempt` until it succeeds, `shouldRetry(error)` says no, or `policy.retries` retries are spent;
 * then rethrows the last error. `signal` aborts the waits between attempts.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.retries || !shouldRetry(error)) throw error;
      await policy.sleep(backoffDelay(policy, n), signal);
    }
  }
}
