/**
 * PostgreSQL FlowStore (`@faceid-verify/proxy/store/postgres`) on the pure-JS `postgres` driver, for one or
 * many proxy instances sharing a database. Claims use `FOR UPDATE SKIP LOCKED` with leases; migrations run
 * under a transaction-scoped advisory lock, so instances may start together.
 * @example
 * const store = await createPostgresStore({ url: 'postgres://faceid@db.internal/faceid' });
 */
import postgres, { type Sql } from 'postgres';
import type { HitCounter, UpstreamPacer } from '../app/pacing.js';
import { guarded } from '../ledger/errors.js';
import { createClockOffset, type ClockOffset } from './clock-offset.js';
import type { FlowStore } from '../ledger/types.js';
import type { SqlDriver, SqlRow, SqlRunner, SqlStatement, SqlValue } from './sql/driver.js';
import { createSqlStore } from './sql/sql-store.js';

/** Key of the advisory lock that serialises migrations (arbitrary, fixed: "faceid" in ASCII). */
const MIGRATION_LOCK = 0x66616365_6964;

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (also `postgresql://`). */
  url: string;
  /** Pool size. Default 10. */
  max?: number;
  /** Give up connecting after this long, seconds. Default 5. */
  connectTimeoutSeconds?: number;
  now?: () => number;
}

/** What the store uses of a `postgres` client: a pool, or a stand-in that picks one per request. */
export type PostgresClient = Pick<Sql, 'unsafe' | 'begin' | 'end'>;

const rowsOf = (rows: readonly object[]): SqlRow[] => rows.map((row) => ({ ...row }) as SqlRow);

function runner(sql: Pick<Sql, 'unsafe'>): SqlRunner {
  const query = async (text: string, args: SqlValue[] = []) => rowsOf(await sql.unsafe(text, args));
  return {
    query,
    batch: async (statements: SqlStatement[]) => {
      const results: SqlRow[][] = [];
      for (const { sql: text, args } of statements) results.push(await query(text, args));
      return results;
    },
  };
}

function postgresDriver(sql: PostgresClient): SqlDriver {
  const { query } = runner(sql);
  const inTransaction = <T>(fn: (tx: SqlRunner) => Promise<T>) =>
    sql.begin((tx) => fn(runner(tx as unknown as Sql))) as Promise<T>;
  return {
    dialect: 'postgres',
    skipLocked: 'FOR UPDATE SKIP LOCKED',
    query,
    batch: (statements) => inTransaction((tx) => tx.batch(statements)),
    exclusive: (fn) =>
      inTransaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        return fn(tx);
      }),
    close: () => sql.end({ timeout: 5 }),
  };
}

/** The database's clock in ms: every instance's slots are measured on one clock, whatever their own drift. */
const DB_NOW = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;
/** Round trips read at start for the clock offset's minimum filter. */
const CLOCK_SAMPLES = 5;

/**
 * Upstream pacing in `faceid_pacing`, one row per key: a reservation is one UPDATE that moves the row's next slot
 * on, so instances queue on the row lock and never hand out the same slot twice. Slots are on the database's
 * clock and sleeps on ours: `clock` converts, so a reply read late (a busy event loop) still wakes on its slot.
 */
export function postgresPacer(sql: Pick<Sql, 'unsafe'>, clock: ClockOffset = createClockOffset()): UpstreamPacer {
  const known = new Set<string>();
  const ensure = async (key: string) => {
    if (known.has(key)) return;
    await sql.unsafe('INSERT INTO faceid_pacing (key, next_slot) VALUES ($1, 0) ON CONFLICT (key) DO NOTHING', [key]);
    known.add(key);
  };
  return {
    reserve: (key, spacingMs, maxWaitMs) =>
      guarded('pacing', async () => {
        await ensure(key);
        // clock_timestamp() inline, never from a FROM subquery: that is read before the row lock is granted, so
        // under contention its `now` was stale by the lock wait. `db_now` is read after the lock, as the row changes.
        const [taken] = await sql.unsafe(
          `UPDATE faceid_pacing SET next_slot = GREATEST(next_slot, ${DB_NOW}) + $2::float8
           WHERE key = $1 AND GREATEST(next_slot, ${DB_NOW}) - ${DB_NOW} <= $3::float8
           RETURNING next_slot - $2::float8 AS slot_at, ${DB_NOW} AS db_now`,
          [key, spacingMs, maxWaitMs],
        );
        if (taken) {
          const at = Number(taken['slot_at']);
          return { reserved: true, waitMs: clock.untilDb(Number(taken['db_now']), at), at };
        }
        const [next] = await sql.unsafe(`SELECT next_slot - ${DB_NOW} AS wait FROM faceid_pacing WHERE key = $1`, [
          key,
        ]);
        return { reserved: false, waitMs: Math.max(0, Number(next?.['wait'] ?? 0)) };
      }),
    pause: (key, ms) =>
      guarded('pacing', async () => {
        await ensure(key);
        await sql.unsafe(
          `UPDATE faceid_pacing SET next_slot = GREATEST(next_slot, ${DB_NOW} + $2::bigint) WHERE key = $1`,
          [key, Math.ceil(ms)],
        );
      }),
  };
}

/**
 * Inbound hit counters in `faceid_hits`: one upsert per request, on the database's clock. Ended windows are
 * deleted by the ledger's hourly prune.
 */
export function postgresHits(sql: Pick<Sql, 'unsafe'>): HitCounter {
  return {
    increment: (key, windowMs) =>
      guarded('rate limit', async () => {
        const [row] = await sql.unsafe(
          `INSERT INTO faceid_hits (key, window_end, hits) VALUES ($1, ${DB_NOW} + $2::bigint, 1)
           ON CONFLICT (key) DO UPDATE SET
             hits = CASE WHEN faceid_hits.window_end <= EXCLUDED.window_end - $2::bigint THEN 1 ELSE faceid_hits.hits + 1 END,
             window_end = CASE WHEN faceid_hits.window_end <= EXCLUDED.window_end - $2::bigint
               THEN EXCLUDED.window_end ELSE faceid_hits.window_end END
           RETURNING hits, window_end`,
          [key, windowMs],
        );
        return { totalHits: Number(row!['hits']), resetAt: Number(row!['window_end']) };
      }),
    decrement: (key) =>
      guarded('rate limit', async () => {
        await sql.unsafe('UPDATE faceid_hits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [key]);
      }),
    reset: (key) =>
      guarded('rate limit', async () => {
        await sql.unsafe('DELETE FROM faceid_hits WHERE key = $1', [key]);
      }),
  };
}

/**
 * The store on an existing client, migrated. For a client made elsewhere (a per-request one on Workers:
 * store/postgres-per-request.ts); `close()` ends that client. `clock`: the pacer's view of the database's clock
 * (default a new one, calibrated by its first reservations).
 * @throws the driver's error when the schema cannot be migrated.
 */
export async function postgresStoreOn(
  sql: PostgresClient,
  now?: () => number,
  clock: ClockOffset = createClockOffset(),
): Promise<FlowStore> {
  const store = createSqlStore(postgresDriver(sql), now);
  await store.migrate();
  return Object.assign(store, { pacer: postgresPacer(sql, clock), hits: postgresHits(sql) });
}

/**
 * Connects to `url` and applies pending migrations. The store's `pacer` shares upstream pacing between instances, its `hits`
 * the inbound rate limit.
 * @throws the driver's error when the server cannot be reached or the schema cannot be migrated.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<FlowStore> {
  const sql = postgres(options.url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    onnotice: () => {},
  });
  try {
    // The first pacing replies come in a burst, while the process is busiest: calibrate the clock before it.
    const clock = createClockOffset();
    for (let i = 0; i < CLOCK_SAMPLES; i += 1)
      clock.sample(Number((await sql.unsafe(`SELECT ${DB_NOW} AS db_now`))[0]!['db_now']));
    return await postgresStoreOn(sql, options.now, clock);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
}
