/**
 * `faceid-proxy`'s layer on the ledger's variables (config/ledger-env.ts, the one table): FACEID_DATABASE_URL
 * defaults to the SQLite file DEFAULT_DATABASE_URL, and `describeDatabase` names the file by its absolute path.
 */
import { resolve } from 'node:path';
import type { Env } from '../config/env.js';
import {
  DEFAULT_DATABASE_URL,
  describePostgres,
  ledgerEnvFromEnv,
  parseDatabaseUrl,
  type DatabaseUrl,
  type LedgerEnv,
} from '../config/ledger-env.js';

export { LEDGER_VARIABLES } from '../config/ledger-env.js';

/** Where and how the CLI keeps its flows and pushes their verdicts. */
export interface LedgerSettings extends Omit<LedgerEnv, 'database'> {
  /** The database; `isDefault` when FACEID_DATABASE_URL is unset (the CLI says where the file is). */
  database: DatabaseUrl & { isDefault: boolean };
}

/**
 * The ledger's settings from `env`, FACEID_DATABASE_URL defaulting to DEFAULT_DATABASE_URL. In sandbox the
 * webhook URL may be http.
 * @throws {EnvError} naming the variable: a malformed FACEID_DATABASE_URL, FACEID_WEBHOOK_URL or
 * FACEID_WEBHOOK_SECRET, one of the two webhook variables without the other, or a non-positive number.
 */
export function ledgerFromEnv(env: Env, { sandbox }: { sandbox: boolean }): LedgerSettings {
  const { database, ...rest } = ledgerEnvFromEnv(env, { sandbox });
  return { ...rest, database: { ...(database ?? parseDatabaseUrl(DEFAULT_DATABASE_URL)), isDefault: !database } };
}

/** The database for a log line: the SQLite path, or the PostgreSQL host and database without credentials. */
export function describeDatabase(database: DatabaseUrl): string {
  if (database.kind === 'sqlite') return `SQLite file ${resolve(database.path)}`;
  return describePostgres(database.url);
}
