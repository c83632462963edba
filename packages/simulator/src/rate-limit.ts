/** Tencent's per-action limit (20 calls per second, faceid-api.md §1.3) as a sliding one-second window. */
const WINDOW_MS = 1000;

/** Call times of one action, oldest first; `start` skips the expired ones so a check is O(1) amortised. */
interface Window {
  times: number[];
  start: number;
}

export class ActionRateLimiter {
  readonly #limit: number;
  readonly #windows = new Map<string, Window>();

  constructor(limitPerSecond: number) {
    this.#limit = limitPerSecond;
  }

  /** Records a call of `action` at `nowMs`; false when the previous second already holds `limit` calls. */
  tryAcquire(action: string, nowMs: number): boolean {
    let window = this.#windows.get(action);
    if (!window) this.#windows.set(action, (window = { times: [], start: 0 }));
    const { times } = window;
    // A clock moved backwards (test controls) restarts the window.
    if (times.length > window.start && (times.at(-1) ?? 0) > nowMs)
      this.#windows.set(action, (window = { times: [], start: 0 }));
    while (window.start < window.times.length && (window.times[window.start] ?? 0) <= nowMs - WINDOW_MS) window.start++;
    if (window.start > 1024 && window.start * 2 > window.times.length) {
      window.times = window.times.slice(window.start);
      window.start = 0;
    }
    if (window.times.length - window.start >= this.#limit) return false;
    window.times.push(nowMs);
    return true;
  }

  clear(): void {
    this.#windows.clear();
  }
}
