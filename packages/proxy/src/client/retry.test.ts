import { describe, expect, it } from 'vitest';
import { abortableSleep, backoffDelay, DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.js';

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return {
    ...DEFAULT_RETRY_POLICY,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...overrides,
    waits,
  };
}

describe('backoffDelay: full jitter', () => {
  it('doubles the ceiling per retry up to maxDelayMs and scales it by random()', () => {
    const top = { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.999999 };
    const bottom = { ...top, random: () => 0 };

    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(top, n))).toEqual([99, 199, 399, 799, 999, 999]);
    expect([0, 5].map((n) => backoffDelay(bottom, n))).toEqual([0, 0]);
  });
});

describe('withRetries', () => {
  it('returns the first success and passes the attempt number', async () => {
    const seen: number[] = [];
    const p = policy({ random: () => 0.5 });
    const result = await withRetries(
      async (n) => {
        seen.push(n);
        if (n < 2) throw new Error(`fail ${n}`);
        return 'ok';
      },
      () => true,
      p,
    );

    expect(result).toBe('ok');
    expect(seen).toEqual([0, 1, 2]);
    expect(p.waits).toEqual([50, 100]);
  });

  it('rethrows the last error once `retries` extra attempts are spent', async () => {
    let attempts = 0;
    const failing = withRetries(
      async (n) => {
        attempts += 1;
        throw new Error(`fail ${n}`);
      },
      () => true,
      policy({ retries: 2 }),
    );

    await expect(failing).rejects.toThrow('fail 2');
    expect(attempts).toBe(3);
  });

  it('stops at once when shouldRetry says no', async () => {
    let attempts = 0;
    const p = policy();
    const failing = withRetries(
      async () => {
        attempts += 1;
        throw new Error('permanent');
      },
      () => false,
      p,
    );

    await expect(failing).rejects.toThrow('permanent');
    expect(attempts).toBe(1);
    expect(p.waits).toEqual([]);
  });
});

describe('abortableSleep', () => {
  it('rejects with the reason when the signal aborts mid-wait', async () => {
    const controller = new AbortController();
    const waiting = abortableSleep(60_000, controller.signal);
    const reason = new Error('cancelled');
    controller.abort(reason);

    await expect(waiting).rejects.toBe(reason);
  });

  it('rejects at once for an aborted signal and resolves after a zero wait otherwise', async () => {
    const reason = new Error('already');

    await expect(abortableSleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
    await expect(abortableSleep(0)).resolves.toBeUndefined();
  });
});
