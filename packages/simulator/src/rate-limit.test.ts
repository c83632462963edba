import { describe, expect, it } from 'vitest';
import { ActionRateLimiter } from './rate-limit.js';

describe('ActionRateLimiter', () => {
  it('allows limit calls in any one-second window, per action', () => {
    const limiter = new ActionRateLimiter(3);
    expect([0, 100, 200, 300].map((at) => limiter.tryAcquire('A', at))).toEqual([true, true, true, false]);
    expect(limiter.tryAcquire('B', 300)).toBe(true);
    expect(limiter.tryAcquire('A', 999)).toBe(false);
    expect(limiter.tryAcquire('A', 1000)).toBe(true);
    expect(limiter.tryAcquire('A', 1001)).toBe(false);
    expect(limiter.tryAcquire('A', 1100)).toBe(true);
  });

  it('does not count refused calls', () => {
    const limiter = new ActionRateLimiter(1);
    expect(limiter.tryAcquire('A', 0)).toBe(true);
    expect(limiter.tryAcquire('A', 500)).toBe(false);
    expect(limiter.tryAcquire('A', 1000)).toBe(true);
  });

  it('restarts after the clock moves backwards and keeps working over long runs', () => {
    const limiter = new ActionRateLimiter(2);
    limiter.tryAcquire('A', 10_000);
    limiter.tryAcquire('A', 10_001);
    expect(limiter.tryAcquire('A', 5_000)).toBe(true);
    const many = new ActionRateLimiter(5000);
    let allowed = 0;
    for (let at = 0; at < 10_000; at++) if (many.tryAcquire('A', at)) allowed++;
    expect(allowed).toBe(10_000);
  });
});
