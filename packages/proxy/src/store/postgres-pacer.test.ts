// Upstream pacing shared through a real PostgreSQL (started for this file): two stores on one database stand for
// two proxy instances. Their reservations never share a slot, stay `spacingMs` apart on the database's clock,
// refuse (taking nothing) past the caller's wait, a pause holds every instance back, and a wait is counted from
// when the slot was taken, after any queue on the row lock.
import postgresClient from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/postgres.js';
import type { PacerSlot } from '../app/pacing.js';
import type { FlowStore } from '../ledger/types.js';
import { createPostgresStore } from './postgres.js';

let postgres: TestPostgres;
let stores: FlowStore[] = [];
let url: string;

beforeAll(async () => {
  postgres = await startPostgres();
  url = await postgres.database();
  stores = [await createPostgresStore({ url }), await createPostgresStore({ url })];
}, 60_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await postgres?.stop();
});

const pacers = () => stores.map((store) => store.pacer!);

it('two instances reserving at once get distinct slots 50 ms apart: never more than 20 in any second', async () => {
  const [a, b] = pacers();
  // When each slot starts, on the database's clock (the one every instance shares).
  const starts = await Promise.all(
    Array.from({ length: 60 }, async (_, i) => {
      const slot = await (i % 2 ? a! : b!).reserve('AKIDEXAMPLE:Apply', 50, 10_000);
      expect(slot.reserved).toBe(true);
      return slot.at!;
    }),
  );
  starts.sort((x, y) => x - y);
  // next_slot is a BIGINT: each slot is 50 ms after the previous one, give or take the rounding.
  for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(49);
  for (const start of starts)
    expect(starts.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(20);
  expect(starts.at(-1)! - starts[0]!).toBeGreaterThan(2800);
});

it('a slot further than maxWaitMs is not taken, and says how far the next free one is', async () => {
  const [a, b] = pacers();
  for (let i = 0; i < 20; i += 1) await a!.reserve('AKIDEXAMPLE:Get', 100, 60_000);
  const refused = await b!.reserve('AKIDEXAMPLE:Get', 100, 500);
  expect(refused.reserved).toBe(false);
  expect(refused.waitMs).toBeGreaterThan(1500);
  const again = await b!.reserve('AKIDEXAMPLE:Get', 100, 500);
  expect(again.waitMs).toBeLessThanOrEqual(refused.waitMs); // the refusal took nothing
  expect((await a!.reserve('AKIDEXAMPLE:Other', 100, 0)).reserved).toBe(true); // keys are independent
});

it('a pause on one instance holds the other back at least as long', async () => {
  const [a, b] = pacers();
  await a!.pause('AKIDEXAMPLE:Paused', 1000);
  const slot = await b!.reserve('AKIDEXAMPLE:Paused', 50, 5000);
  expect(slot.reserved).toBe(true);
  expect(slot.waitMs).toBeGreaterThan(900);
});

it('a reservation queued behind the row lock counts its wait from when it took the slot', async () => {
  const a = pacers()[0]!;
  const key = 'AKIDEXAMPLE:Locked';
  const first = await a.reserve(key, 1000, 5000); // the next slot is now 1 s ahead
  const sql = postgresClient(url, { onnotice: () => {} });
  try {
    let queued: Promise<{ slot: PacerSlot; answeredAt: number }> | undefined;
    await sql.begin(async (tx) => {
      await tx`SELECT next_slot FROM faceid_pacing WHERE key = ${key} FOR UPDATE`;
      queued = a.reserve(key, 1000, 5000).then((slot) => ({ slot, answeredAt: Date.now() }));
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    const { slot, answeredAt } = await queued!;
    expect(slot.at! - first.at!).toBe(1000);
    // Measured after the 400 ms on the lock, not before it: the caller that sleeps waitMs wakes on its slot.
    expect(slot.waitMs).toBeLessThan(800);
    expect(Math.abs(answeredAt + slot.waitMs - slot.at!)).toBeLessThan(50);
  } finally {
    await sql.end();
  }
});
