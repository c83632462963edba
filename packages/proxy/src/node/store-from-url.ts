/**
 * `FACEID_DATABASE_URL` → a migrated FlowStore: `file:PATH` (SQLite, one instance) or `postgres://…` /
 * `postgresql://…` (PostgreSQL, any number of instances). Unset, the CLI uses DEFAULT_DATABASE_URL.
 */
import { parseDatabaseUrl } from '../config/ledger-env.js';
import type { FlowStore } from '../ledger/types.js';

export { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseUrl } from '../config/ledger-env.js';

/**
 * Opens the store a database URL names and applies its migrations. Each adapter is imported only when
 * used, so a SQLite deployment never loads the PostgreSQL driver and vice versa.
 * @throws {LedgerConfigError} for a malformed URL; the driver's error when it cannot connect or migrate.
 */
export async function storeFromUrl(value: string, options: { now?: () => number } = {}): Promise<FlowStore> {
  const parsed = parseDatabaseUrl(value);
  if (parsed.kind === 'sqlite') {
    const { createSqliteStore } = await import('../store/sqlite.js');
    return createSqliteStore({ url: parsed.url, ...options });
  }
  const { createPostgresStore } = await import('../store/postgres.js');
  return createPostgresStore({ url: parsed.url, ...options });
}
