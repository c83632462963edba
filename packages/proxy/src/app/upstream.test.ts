import { describe, expect, it } from 'vitest';
import { FaceIdApiError } from '../client/index.js';
import { ProxyError } from './errors.js';
import { createUpstreamGuard } from './upstream.js';

/** A fake clock whose sleep just moves time on, recording each wait. */
function fakeTime() {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => now,
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe('createUpstreamGuard', () => {
  it('spaces the attempts of each action 1000 / ratePerSecond ms apart, first come first served', async () => {
    const time = fakeTime();
    const guard = createUpstreamGuard({ maxConcurrency: 10, ratePerSecond: 2, timeoutMs: 60_000, ...time });
    const starts: [string, number][] = [];
    const call = (action: string) =>
      guard(action, async ({ beforeAttempt }) => {
        await beforeAttempt(0, undefined);
        starts.push([action, time.now()]);
      });
    for (const action of ['A', 'A', 'B', 'A', 'B']) await call(action);
    const t0 = 1_000_000;
    expect(starts.filter(([action]) => action === 'A').map(([, at]) => at - t0)).toEqual([0, 500, 1000]);
    // B's slots are its own: the first when it came (A had moved the clock on), the next 500 ms after it.
    expect(starts.filter(([action]) => action === 'B').map(([, at]) => at - t0)).toEqual([500, 1000]);
    expect(time.waits).toEqual([500, 500]);
  });

  it('after RequestLimitExceeded the next attempt of that action waits at least 1 s, retries included', async () => {
    const time = fakeTime();
    const guard = createUpstreamGuard({ maxConcurrency: 10, ratePerSecond: 18, timeoutMs: 60_000, ...time });
    const refused = new FaceIdApiError('A', 'RequestLimitExceeded', 'too many', 'req-1');
    const attempts: number[] = [];
    await guard('A', async ({ beforeAttempt }) => {
      await beforeAttempt(0, undefined);
      attempts.push(time.now());
      await beforeAttempt(1, refused);
      attempts.push(time.now());
    });
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(1000);
    let other = 0;
    await guard('A', async ({ beforeAttempt }) => {
      await beforeAttempt(0, undefined);
      other = time.now();
    });
    expect(other - attempts[0]!).toBeGreaterThanOrEqual(1055);
  });

  it('a slot beyond the route deadline is not taken: 503 upstream_busy, retryable, with Retry-After', async () => {
    const guard = createUpstreamGuard({ maxConcurrency: 100, ratePerSecond: 4, timeoutMs: 600 });
    const queued = (action: string) =>
      guard(action, async ({ beforeAttempt }) => {
        await beforeAttempt(0, undefined);
      });
    // Reserved together: slots at 0, 250 and 500 ms; 750 ms is past the 600 ms deadline.
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => queued('A')));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(1);
    const error = (refused[0] as PromiseRejectedResult).reason as ProxyError;
    expect(error).toMatchObject({ code: 'upstream_busy', status: 503, details: { retryable: true } });
    expect(Number(error.details.headers?.['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('keeps at most maxConcurrency calls in flight', async () => {
    const guard = createUpstreamGuard({ maxConcurrency: 2, ratePerSecond: 0, timeoutMs: 60_000 });
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    const releases: (() => void)[] = [];
    let started = 0;
    const call = () =>
      guard('A', async () => {
        started += 1;
        await new Promise<void>((resolve) => releases.push(resolve));
      });
    const running = [call(), call(), call(), call()];
    await flush();
    expect(started).toBe(2);
    releases.splice(0).forEach((release) => release());
    await flush();
    expect(started).toBe(4);
    releases.splice(0).forEach((release) => release());
    await Promise.all(running);
  });

  it('maps client errors and hands each call the deadline signal', async () => {
    const guard = createUpstreamGuard({ maxConcurrency: 1, ratePerSecond: 0, timeoutMs: 60_000 });
    const failing = guard('A', async ({ signal, timeoutMs }) => {
      expect(signal.aborted).toBe(false);
      expect(timeoutMs).toBe(60_000);
      throw new FaceIdApiError('A', 'InternalError', 'boom', 'req-1');
    });
    await expect(failing).rejects.toMatchObject({
      code: 'upstream_unavailable',
      details: { upstreamCode: 'InternalError' },
    });
    await expect(failing).rejects.toBeInstanceOf(ProxyError);
  });

  it('aborts the call when the request is gone', async () => {
    const guard = createUpstreamGuard({ maxConcurrency: 1, ratePerSecond: 0, timeoutMs: 60_000 });
    const request = new AbortController();
    const pending = guard(
      'A',
      ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      request.signal,
    );
    request.abort(new Error('client closed'));
    await expect(pending).rejects.toBeInstanceOf(ProxyError);
  });
});
