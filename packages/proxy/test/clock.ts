/** A clock the test moves by hand (ms since the epoch), starting at the real time so signatures verify. */
export interface TestClock {
  now: () => number;
  advance(ms: number): number;
}

export function testClock(start = Date.now()): TestClock {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}
