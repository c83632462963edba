/**
 * PostgreSQL FlowStore (`@faceid-verify/proxy/store/postgres`) on the pure-JS `postgres` driver, for one or
 * many proxy instances sharing a database. Claims use `FOR UPDATE SKIP LOCKED` with leases; migrations run
 * under a transaction-scoped advisory lock, so instances may start together.
 * @example
 * const store = await createPostgresStore({ url: 'postgres://faceid@db.internal/faceid' });
 */
import postgres, { type Sql } from 'postgres';
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

const rowsOf = (rows: readonly object[]): SqlRow[] => rows.map((row) => ({ ...row }) as SqlRow);

function runner(sql: Sql): SqlRunner {
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

function postgresDriver(sql: Sql): SqlDriver {
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

/**
 * Connects to `url` and applies pending migrations.
 * @throws the driver's error when the server cannot be reached or the schema cannot be migrated.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<FlowStore> {
  const sql = postgres(options.url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    onnotice: () => {},
  });
  try {
    const store = createSqlStore(postgresDriver(sql), options.now);
    await store.migrate();
    return store;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
}
