/**
 * The ledger's variables of `faceid-proxy` (README "Results on your server"), rows of the same shape as the core's
 * table: the database, the webhook endpoint and secrets, the reconciler's interval and the retention. Parsing
 * turns strings into values; `ledgerFromEnv` checks them and names the variable at fault.
 */
import { resolve } from 'node:path';
import { asInteger, asText, readEnv, type Env, type EnvVariable } from '../config/env.js';
import { EnvError } from '../config/error.js';
import { DEFAULT_WEBHOOK_RETRY_MS } from '../ledger/backoff.js';
import { LedgerConfigError } from '../ledger/errors.js';
import { DEFAULT_RETENTION_DAYS } from '../ledger/ledger.js';
import { parseWebhookSecrets, parseWebhookUrl } from '../ledger/webhook/config.js';
import { DEFAULT_RECONCILE_INTERVAL_MS } from './ledger-worker.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseUrl } from './store-from-url.js';

export const LEDGER_VARIABLES: readonly EnvVariable[] = [
  {
    variable: 'FACEID_DATABASE_URL',
    option: 'databaseUrl',
    parse: asText,
    doc: `file:PATH | postgres://… (${DEFAULT_DATABASE_URL})`,
  },
  { variable: 'FACEID_WEBHOOK_URL', option: 'webhook.url', parse: asText, doc: 'webhook endpoint, https' },
  { variable: 'FACEID_WEBHOOK_SECRET', option: 'webhook.secrets', parse: asText, doc: 'whsec_… (comma: rotation)' },
  {
    variable: 'FACEID_WEBHOOK_RETRY_MS',
    option: 'webhook.retryMs',
    parse: asInteger,
    doc: `first retry, ms (${DEFAULT_WEBHOOK_RETRY_MS})`,
  },
  {
    variable: 'FACEID_RECONCILE_INTERVAL_MS',
    option: 'reconcileIntervalMs',
    parse: asInteger,
    doc: `pending re-reads, ms (${DEFAULT_RECONCILE_INTERVAL_MS})`,
  },
  {
    variable: 'FACEID_RETENTION_DAYS',
    option: 'retentionDays',
    parse: asInteger,
    doc: `results kept, days (${DEFAULT_RETENTION_DAYS})`,
  },
];

/** Where and how the CLI keeps its flows and pushes their verdicts. */
export interface LedgerSettings {
  /** The database; `isDefault` when FACEID_DATABASE_URL is unset (the CLI says where the file is). */
  database: DatabaseUrl & { isDefault: boolean };
  /** Absent without FACEID_WEBHOOK_URL: flows are kept and readable on `/flows`, nothing is pushed. */
  webhook?: { url: URL; secrets: string[]; retryMs: number };
  /** ms between reconciler passes. */
  reconcileIntervalMs: number;
  retentionDays: number;
}

interface RawLedgerEnv {
  databaseUrl?: string;
  webhook?: { url?: string; secrets?: string; retryMs?: number };
  reconcileIntervalMs?: number;
  retentionDays?: number;
}

const BY_OPTION = new Map(LEDGER_VARIABLES.map((row) => [row.option, row.variable]));

function positive(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (value > 0) return value;
  throw new EnvError(BY_OPTION.get(option)!, option, `must be a positive integer (got ${value})`);
}

/**
 * The ledger's settings from `env`. In sandbox the webhook URL may be http.
 * @throws {EnvError} naming the variable: a malformed FACEID_DATABASE_URL, FACEID_WEBHOOK_URL or
 * FACEID_WEBHOOK_SECRET, one of the two webhook variables without the other, or a non-positive number.
 */
export function ledgerFromEnv(env: Env, { sandbox }: { sandbox: boolean }): LedgerSettings {
  const raw = readEnv(env, LEDGER_VARIABLES) as RawLedgerEnv;
  const option = (variable: string) => LEDGER_VARIABLES.find((row) => row.variable === variable)!.option;
  try {
    const database = { ...parseDatabaseUrl(raw.databaseUrl ?? DEFAULT_DATABASE_URL), isDefault: !raw.databaseUrl };
    const { url, secrets, retryMs } = raw.webhook ?? {};
    if (url !== undefined && secrets === undefined)
      throw new LedgerConfigError('FACEID_WEBHOOK_SECRET', 'is required with FACEID_WEBHOOK_URL (whsec_…)');
    if (url === undefined && (secrets !== undefined || retryMs !== undefined))
      throw new LedgerConfigError('FACEID_WEBHOOK_URL', 'is required with FACEID_WEBHOOK_SECRET');
    const settings: LedgerSettings = {
      database,
      reconcileIntervalMs: positive(raw.reconcileIntervalMs, DEFAULT_RECONCILE_INTERVAL_MS, 'reconcileIntervalMs'),
      retentionDays: positive(raw.retentionDays, DEFAULT_RETENTION_DAYS, 'retentionDays'),
    };
    if (url !== undefined && secrets !== undefined) {
      settings.webhook = {
        url: parseWebhookUrl(url, { sandbox }),
        secrets: parseWebhookSecrets(secrets),
        retryMs: positive(retryMs, DEFAULT_WEBHOOK_RETRY_MS, 'webhook.retryMs'),
      };
    }
    return settings;
  } catch (error) {
    if (!(error instanceof LedgerConfigError)) throw error;
    const detail = error.message.slice(error.variable.length + 2);
    throw new EnvError(error.variable, option(error.variable), detail);
  }
}

/** The database for a log line: the SQLite path, or the PostgreSQL host and database without credentials. */
export function describeDatabase(database: DatabaseUrl): string {
  if (database.kind === 'sqlite') return `SQLite file ${resolve(database.path)}`;
  const url = new URL(database.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}
