/**
 * The database's clock as seen from this process, for turning a slot on the database's clock into a local sleep.
 * Each reply carries the database's `now`; the local time the reply is read, minus that `now`, is the clock
 * offset plus the reply's delay (network, a busy event loop). The smallest such sample is the best estimate and
 * never below the truth, so a sleep computed from it never ends before its slot (NTP's minimum filter). The
 * estimate ages upward by AGING_PER_MS so that drift and a slow link are followed: 1 ms per s is twice NTP's
 * largest slew.
 */

const AGING_PER_MS = 0.001;

export interface ClockOffset {
  /** Takes the database's `now` (ms) of a reply just read into the estimate. */
  sample(dbNow: number): void;
  /** Samples `dbNow` and returns ms from now, on the local clock, until `at` on the database's clock. */
  untilDb(dbNow: number, at: number): number;
}

/** `localNow`: a monotonic ms clock. Default `performance.now` (never steps, unlike `Date.now`). */
export function createClockOffset(localNow: () => number = () => performance.now()): ClockOffset {
  let offset = Infinity;
  let sampledAt = 0;
  const sample = (dbNow: number) => {
    const local = localNow();
    offset = Math.min(local - dbNow, offset + (local - sampledAt) * AGING_PER_MS);
    sampledAt = local;
    return local;
  };
  return {
    sample,
    untilDb: (dbNow, at) => {
      const local = sample(dbNow); // first: the offset this reply may lower
      return at + offset - local;
    },
  };
}
