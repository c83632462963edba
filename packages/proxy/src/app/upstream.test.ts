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
  it('starts at most ratePerSecond calls per action per second, others wait their turn', async () => {
    const time = fakeTime();
    const guard = createUpstreamGuard({ maxConcurrency: 10, ratePerSecond: 2, timeoutMs: 60_000, ...time });
    const starts: [string, number][] = [];
    const call = (action: string) => guard(action, async () => void starts.push([action, time.now()]));
    for (const action of ['A', 'A', 'B', 'A', 'B', 'A']) await call(action);
    const t0 = 1_000_000;
    expect(starts).toEqual([
      ['A', t0],
      ['A', t0],
      ['B', t0],
      ['A', t0 + 1000],
      ['B', t0 + 1000],
      ['A', t0 + 1000],
    ]);
    expect(time.waits).toEqual([1000]);
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
