/**
 * Upstream pacing: each FaceID Action's attempts get start slots `spacingMs` apart, first come first served, so no
 * burst reaches FaceID (it allows 20 calls per second per Action per account and counts arrivals). The memory
 * pacer serves one process; `createPostgresStore(...).pacer` shares the slots of every instance on one database.
 */

/** The answer of `reserve`: a slot `waitMs` from now, or none (`reserved: false`) because the next free one is
 * `waitMs` away, further than the caller may wait. */
export interface PacerSlot {
  reserved: boolean;
  /**
   * ms from when `reserve` resolves until the slot (reserved), or until the next free slot (not reserved, ≥ 0).
   * Negative when a reserved slot began before its answer could be read (a busy event loop): the caller is late.
   */
  waitMs: number;
  /** When the slot starts (reserved), ms since the epoch on the pacer's clock (PostgreSQL's for a shared one). */
  at?: number;
}

export interface UpstreamPacer {
  /**
   * Takes the next slot of `key` (`spacingMs` after the previous one, never before a pause) if it starts within
   * `maxWaitMs`; otherwise takes nothing. @throws the store's error when a shared pacer cannot be reached.
   */
  reserve(key: string, spacingMs: number, maxWaitMs: number): Promise<PacerSlot>;
  /** No slot of `key` starts within the next `ms` (after RequestLimitExceeded). */
  pause(key: string, ms: number): Promise<void>;
}

/** The pacer of one process. `now`: ms clock, default `Date.now`. */
export function createMemoryPacer(now: () => number = Date.now): UpstreamPacer {
  const nextSlot = new Map<string, number>();
  return {
    reserve: async (key, spacingMs, maxWaitMs) => {
      const at = now();
      const slot = Math.max(at, nextSlot.get(key) ?? at);
      if (slot - at > maxWaitMs) return { reserved: false, waitMs: slot - at };
      if (spacingMs > 0 || slot > at) nextSlot.set(key, slot + spacingMs);
      return { reserved: true, waitMs: slot - at, at: slot };
    },
    pause: async (key, ms) => {
      nextSlot.set(key, Math.max(nextSlot.get(key) ?? 0, now() + ms));
    },
  };
}

/** A fixed-window hit counter shared by every instance (the inbound rate limit on PostgreSQL). */
export interface HitCounter {
  /** Counts one hit of `key` in its current window of `windowMs`; @returns the hits so far and the window's end (ms). */
  increment(key: string, windowMs: number): Promise<{ totalHits: number; resetAt: number }>;
  /** Takes one hit back (a request the limiter decided not to count). */
  decrement(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}
