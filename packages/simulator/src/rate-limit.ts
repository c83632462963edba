/** Tencent's per-action limit (20 calls per second, faceid-api.md §1.3) as a sliding one-second window. */
const WINDOW_MS = 1000;

export class ActionRateLimiter {
  readonly #limit: number;
  readonly #calls = new Map<string, number[]>();

  constructor(limitPerSecond: number) {
    this.#limit = limitPerSecond;
  }

  /** Records a call of `action` at `nowMs`; false when the previous second already holds `limit` calls. */
  tryAcquire(action: string, nowMs: number): boolean {
    const recent = (this.#calls.get(action) ?? []).filter((at) => at > nowMs - WINDOW_MS && at <= nowMs);
    const allowed = recent.length < this.#limit;
    if (allowed) recent.push(nowMs);
    this.#calls.set(action, recent);
    return allowed;
  }

  clear(): void {
    this.#calls.clear();
  }
}
