/**
 * Versioned schema of the SQL stores, one list for SQLite and PostgreSQL (plain SQL both accept: BIGINT is
 * an integer in SQLite; times are ms since the epoch). Applied in order at start, each in one transaction
 * with its row in `faceid_migrations`. Append new versions; never edit an applied one.
 */
import type { SqlDriver } from './driver.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'flows, events, secrets',
    statements: [
      `CREATE TABLE IF NOT EXISTS faceid_flows (
        biz_token TEXT PRIMARY KEY,
        flow TEXT NOT NULL,
        region TEXT NOT NULL,
        reference TEXT,
        extra TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'passed', 'failed', 'incomplete', 'expired')),
        result TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_read_at BIGINT NOT NULL,
        lease_until BIGINT NOT NULL DEFAULT 0,
        erased_at BIGINT,
        event_id TEXT
      )`,
      `CREATE INDEX IF NOT EXISTS faceid_flows_due ON faceid_flows (status, next_read_at)`,
      `CREATE INDEX IF NOT EXISTS faceid_flows_created ON faceid_flows (created_at, biz_token)`,
      `CREATE TABLE IF NOT EXISTS faceid_events (
        id TEXT PRIMARY KEY,
        biz_token TEXT NOT NULL UNIQUE REFERENCES faceid_flows (biz_token),
        type TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        retry_until BIGINT NOT NULL,
        lease_until BIGINT NOT NULL DEFAULT 0,
        delivered_at BIGINT,
        last_error TEXT
      )`,
      `CREATE INDEX IF NOT EXISTS faceid_events_due ON faceid_events (state, next_attempt_at)`,
      `CREATE TABLE IF NOT EXISTS faceid_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'upstream pacing slots, inbound hit counters',
    statements: [
      // One row per account and Action: the next free start slot (ms since the epoch, the database's clock).
      `CREATE TABLE IF NOT EXISTS faceid_pacing (key TEXT PRIMARY KEY, next_slot BIGINT NOT NULL)`,
      // Inbound rate limit: one fixed window per client key (or the API-key bucket).
      `CREATE TABLE IF NOT EXISTS faceid_hits (key TEXT PRIMARY KEY, window_end BIGINT NOT NULL, hits INTEGER NOT NULL)`,
    ],
  },
];

/**
 * Creates `faceid_migrations` and applies every version not in it, alone among instances.
 * @returns the versions applied by this call (empty when the schema was current).
 */
export async function migrate(driver: SqlDriver, now: number, migrations = MIGRATIONS): Promise<number[]> {
  return driver.exclusive(async (runner) => {
    await runner.query(
      'CREATE TABLE IF NOT EXISTS faceid_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const applied = new Set(
      (await runner.query('SELECT version FROM faceid_migrations')).map((r) => Number(r.version)),
    );
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await runner.batch([
        ...migration.statements.map((sql) => ({ sql, args: [] })),
        {
          sql: 'INSERT INTO faceid_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          args: [migration.version, migration.name, now],
        },
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
