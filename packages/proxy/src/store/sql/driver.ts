/**
 * The few operations the SQL FlowStore needs from a driver. Statements use `$1, $2, …` placeholders
 * (the SQLite adapter rewrites them to `?1, ?2, …`); rows come back as plain objects keyed by column.
 */

export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

export interface SqlStatement {
  sql: string;
  args: SqlValue[];
}

/** What `exclusive` hands its callback: queries and batches inside the exclusive section. */
export interface SqlRunner {
  query(sql: string, args?: SqlValue[]): Promise<SqlRow[]>;
  /** Runs the statements in one transaction; all or nothing. @returns each statement's rows. */
  batch(statements: SqlStatement[]): Promise<SqlRow[][]>;
}

export interface SqlDriver extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: `FOR UPDATE SKIP LOCKED` for claims; SQLite (one writer at a time): nothing. */
  readonly skipLocked: string;
  /** Runs `fn` alone among every instance (migrations): PostgreSQL holds an advisory lock in one transaction. */
  exclusive<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
