/** The simulator's clock: the injected `now` plus an offset that `POST /__simulator/clock` moves. */
export interface SimulatorClock {
  /** Current time, ms since the epoch. */
  now(): number;
  /** Moves the clock by `ms` (may be negative). */
  advance(ms: number): void;
  /** Drops the offset. */
  reset(): void;
}

export function createClock(base: () => number = Date.now): SimulatorClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
