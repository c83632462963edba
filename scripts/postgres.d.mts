/** Types of postgres.mjs: Debian's PostgreSQL binaries and a fresh server per call. */
export function findPostgresBin(): string | null;

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  url: string;
  /** Creates a new empty database; resolves with its URL. */
  database(): Promise<string>;
  /** Stops the server (fast shutdown), keeping its data: a store sees "database gone". */
  down(): Promise<void>;
  /** Starts it again on the same port and data. */
  up(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

/** @throws when no PostgreSQL binaries are installed (scripts/ensure-postgres.mjs installs them). */
export function startPostgres(): Promise<TestPostgres>;
