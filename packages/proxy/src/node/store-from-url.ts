/**
 * `FACEID_DATABASE_URL` → a migrated FlowStore: `file:PATH` (SQLite, one instance) or `postgres://…` /
 * `postgresql://…` (PostgreSQL, any number of instances). Unset, the CLI uses DEFAULT_DATABASE_URL.
 */
import { LedgerConfigError } from '../ledger/errors.js';
import type { FlowStore } from '../ledger/types.js';

/** The CLI's database when FACEID_DATABASE_URL is unset: a file in the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./faceid-flows.db';

export type DatabaseUrl = { kind: 'sqlite'; url: string; path: string } | { kind: 'postgres'; url: string };

/**
 * Checks the form of a database URL without connecting.
 * @throws {LedgerConfigError} naming `variable` (default FACEID_DATABASE_URL), never echoing a password.
 */
export function parseDatabaseUrl(value: string, variable = 'FACEID_DATABASE_URL'): DatabaseUrl {
  if (value.startsWith('file:')) {
    const path = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path || path.startsWith('//'))
      throw new LedgerConfigError(variable, 'must be file:PATH, e.g. file:./faceid-flows.db');
    return { kind: 'sqlite', url: value, path };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new LedgerConfigError(variable, 'is not a valid postgres:// URL');
    }
    if (!url.hostname) throw new LedgerConfigError(variable, 'needs a host: postgres://user:password@host:5432/db');
    return { kind: 'postgres', url: value };
  }
  throw new LedgerConfigError(variable, 'must be file:PATH or postgres://user:password@host:port/database');
}

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
