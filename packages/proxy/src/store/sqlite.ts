/**
 * SQLite FlowStore (`@faceid-verify/proxy/store/sqlite`) on `@libsql/client`, whose binary ships as an npm
 * package. One connection in WAL mode with `synchronous = NORMAL`: a commit survives SIGKILL of the process
 * (a power cut may lose the last commits). For one proxy instance; several instances need PostgreSQL.
 * @example
 * const store = await createSqliteStore({ url: 'file:./faceid-flows.db' });
 * const ledger = createLedger({ store });
 */
import { createClient, type Client, type InStatement } from '@libsql/client';
import type { FlowStore } from '../ledger/types.js';
import type { SqlDriver, SqlRow, SqlStatement, SqlValue } from './sql/driver.js';
import { createSqlStore } from './sql/sql-store.js';

export interface SqliteStoreOptions {
  /** `file:PATH` (relative to the working directory) or `file:///absolute/path.db`; `:memory:` for a throwaway. */
  url: string;
  /** Wait for a lock held by another process this long, ms. Default 5,000. */
  busyTimeoutMs?: number;
  now?: () => number;
}

/** `$1` → `?1`: SQLite's numbered placeholders. */
const toSqlite = ({ sql, args }: SqlStatement): InStatement => ({ sql: sql.replace(/\$(\d+)/g, '?$1'), args });
const rowsOf = (rows: unknown[]): SqlRow[] => rows.map((row) => ({ ...(row as SqlRow) }));

function sqliteDriver(client: Client): SqlDriver {
  const query = async (sql: string, args: SqlValue[] = []) =>
    rowsOf((await client.execute(toSqlite({ sql, args }))).rows);
  const batch = async (statements: SqlStatement[]) =>
    (await client.batch(statements.map(toSqlite), 'write')).map((result) => rowsOf(result.rows));
  return {
    dialect: 'sqlite',
    skipLocked: '',
    query,
    batch,
    exclusive: (fn) => fn({ query, batch }),
    close: async () => client.close(),
  };
}

/**
 * Opens (creating if needed) the database at `url` and applies pending migrations.
 * @throws the driver's error when the file cannot be opened or migrated.
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<FlowStore> {
  const client = createClient({
    url: options.url,
    concurrency: 1,
    timeout: options.busyTimeoutMs ?? 5_000,
    intMode: 'number',
  });
  try {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA foreign_keys = ON');
    const store = createSqlStore(sqliteDriver(client), options.now);
    await store.migrate();
    return store;
  } catch (error) {
    client.close();
    throw error;
  }
}
