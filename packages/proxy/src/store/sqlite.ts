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

/** A statement prepared once: readers in raw mode (arrays, turned into rows by `columns`), writers `run`. */
interface Prepared {
  statement: Database.Statement;
  /** Column names of a reader; null for a statement that returns no rows. */
  columns: string[] | null;
}

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
 * The driver over one connection. Every statement is prepared once and kept (@libsql/client prepared it on every
 * call), and rows come back as arrays that this maps to objects: a flow read here costs 24 µs so, 41 µs with
 * libsql's row objects. Calls are synchronous, so a batch's BEGIN … COMMIT never interleaves with another caller.
 */
function sqliteDriver(db: Database.Database): SqlDriver {
  const cache = new Map<string, Prepared>();
  const prepare = (sql: string): Prepared => {
    // `$1` → `?1`: SQLite's numbered placeholders.
    const statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
    const columns = statement.reader
      ? statement
          .raw(true)
          .columns()
          .map((column) => column.name)
      : null;
    const prepared = { statement, columns };
    cache.set(sql, prepared);
    return prepared;
  };
  const run = (sql: string, args: SqlValue[] = []): SqlRow[] => {
    const { statement, columns } = cache.get(sql) ?? prepare(sql);
    if (columns === null) {
      statement.run(args);
      return [];
    }
    return (statement.all(args) as unknown[][]).map((values) => {
      const row: SqlRow = {};
      for (let i = 0; i < columns.length; i += 1) row[columns[i] as string] = values[i];
      return row;
    });
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
      cache.clear();
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
