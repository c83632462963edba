/**
 * SQLite FlowStore (`@faceid-verify/proxy/store/sqlite`) on `libsql` (SQLite with a better-sqlite3 API; its binary
 * ships as an npm package). One connection in WAL mode with `synchronous = NORMAL`: a commit survives SIGKILL of
 * the process (a power cut may lose the last commits). For one proxy instance; several instances need PostgreSQL.
 * @example
 * const store = await createSqliteStore({ url: 'file:./faceid-flows.db' });
 * const ledger = createLedger({ store });
 */
import Database from 'libsql';
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

type Statement = Database.Statement;

/**
 * The file a `file:` URL names (`file:./x.db`, `file:x.db`, `file:///abs/x.db`), or `:memory:`.
 * @throws {TypeError} for any other URL.
 */
export function sqlitePath(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:';
  if (url.startsWith('file://')) {
    const path = decodeURIComponent(new URL(url).pathname);
    return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path; // file:///C:/x.db → C:/x.db
  }
  if (url.startsWith('file:') && url.length > 'file:'.length) return url.slice('file:'.length);
  throw new TypeError(`SQLite: expected file:PATH or :memory:, got ${JSON.stringify(url)}`);
}

/**
 * The driver over one connection. Every statement is prepared once and kept: preparing costs more than running
 * the ledger's point reads (about 80 against 20 µs here). Calls are synchronous, so a batch's BEGIN … COMMIT
 * never interleaves with another caller's statement.
 */
function sqliteDriver(db: Database.Database): SqlDriver {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      // `$1` → `?1`: SQLite's numbered placeholders.
      statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const run = (sql: string, args: SqlValue[] = []): SqlRow[] => {
    const statement = prepared(sql);
    if (statement.reader) return statement.all(args) as SqlRow[];
    statement.run(args);
    return [];
  };
  const runBatch = (list: SqlStatement[]): SqlRow[][] => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const rows = list.map(({ sql, args }) => run(sql, args));
      db.exec('COMMIT');
      return rows;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
  const query = async (sql: string, args?: SqlValue[]) => run(sql, args);
  const batch = async (list: SqlStatement[]) => runBatch(list);
  return {
    dialect: 'sqlite',
    skipLocked: '',
    query,
    batch,
    exclusive: (fn) => fn({ query, batch }),
    close: async () => {
      statements.clear();
      db.close();
    },
  };
}

/**
 * Opens (creating if needed) the database at `url` and applies pending migrations.
 * @throws {TypeError} for a URL that is not `file:PATH` or `:memory:`; an Error naming the path when the file
 * cannot be opened; the driver's error when migrating fails.
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<FlowStore> {
  const path = sqlitePath(options.url);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new Error(`SQLite: cannot open ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000))}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    const store = createSqlStore(sqliteDriver(db), options.now);
    await store.migrate();
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}
