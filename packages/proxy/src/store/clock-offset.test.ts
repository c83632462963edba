// The minimum filter: a delayed reply does not move the estimate up, so its slot is not slept past; a faster one
// brings the estimate down at once; the estimate ages up (1 ms per s) to follow a link that became slower.
import { expect, it } from 'vitest';
import { createClockOffset } from './clock-offset.js';

const DB_AHEAD = 5_000_000; // the database's clock reads this much more than the local monotonic clock
/** The database's `now` of a reply read at `local` after `delayMs` on the way. */
const dbNowOf = (local: number, delayMs: number) => local - delayMs + DB_AHEAD;

it('a reply read 80 ms late still wakes on its slot: the fast replies set the offset', () => {
  let local = 1000;
  const clock = createClockOffset(() => local);
  expect(clock.untilDb(dbNowOf(local, 3), dbNowOf(local, 3) + 100)).toBe(100);
  local += 50;
  // The slot is 100 ms after a `now` that is 80 ms old here: 20 ms away, plus the 3 ms baseline, plus 0.05 ms aging.
  expect(clock.untilDb(dbNowOf(local, 80), dbNowOf(local, 80) + 100)).toBeCloseTo(23.05, 6);
});

it('a faster reply lowers the estimate at once', () => {
  let local = 0;
  const clock = createClockOffset(() => local);
  clock.sample(dbNowOf(local, 20));
  local += 10;
  clock.sample(dbNowOf(local, 1));
  // Measured against the 1 ms reply, not the 20 ms one: a reply 21 ms late leaves 50 − 21 + 1 ms.
  expect(clock.untilDb(dbNowOf(local, 21), dbNowOf(local, 21) + 50)).toBe(30);
});

it('ages upward by 1 ms per s, so a link that became slower is followed', () => {
  let local = 0;
  const clock = createClockOffset(() => local);
  clock.sample(dbNowOf(local, 1));
  local += 10_000;
  // Replies now take 30 ms; after 10 s the estimate has aged from 1 to 11 ms: the wait is 100 − 30 + 11.
  expect(clock.untilDb(dbNowOf(local, 30), dbNowOf(local, 30) + 100)).toBeCloseTo(81, 6);
});
