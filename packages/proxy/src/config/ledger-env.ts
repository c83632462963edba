/**
 * The flow ledger's variables (README "Results on your server"), rows of the same shape as the core's table: the
 * database, the webhook endpoint and secrets, the reconciler's interval and the retention. ONE table for every
 * runtime: `faceid-proxy` (node/ledger-env.ts adds its SQLite default on top) and `@faceid-verify/proxy/handler`.
 * Web APIs only. Parsing turns strings into values; `ledgerEnvFromEnv` checks them and names the variable at fault.
 */
import { DEFAULT_WEBHOOK_RETRY_MS } from '../ledger/backoff.js';
import { LedgerConfigError } from '../ledger/errors.js';
import { DEFAULT_RETENTION_DAYS } from '../ledger/ledger.js';
import { parseWebhookSecrets, parseWebhookUrl } from '../ledger/webhook/config.js';
import { asInteger, asText, readEnv, type Env, type EnvVariable } from './env.js';
import { EnvError } from './error.js';

/** `faceid-proxy`'s database when FACEID_DATABASE_URL is unset: a SQLite file in the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./faceid-flows.db';
/** FACEID_RECONCILE_INTERVAL_MS default, ms: the Node worker's pass interval. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 30_000;

export type DatabaseUrl = { kind: 'sqlite'; url: string; path: string } | { kind: 'postgres'; url: string };

/** `PostgreSQL host/database` of a postgres:// URL, without credentials, for log lines. */
export function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.host}${parsed.pathname}`;
}

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

/** The webhook settings as `deliverOnce` / `runLedgerPass` take them. */
export interface WebhookSettings {
  url: URL;
  secrets: string[];
  /** First retry, ms; doubling. */
  retryMs: number;
}

/** The ledger's variables, checked; defaults applied except the database's (each runtime has its own). */
export interface LedgerEnv {
  /** Undefined when FACEID_DATABASE_URL is unset. */
  database: DatabaseUrl | undefined;
  /** Absent without FACEID_WEBHOOK_URL: flows are kept and readable on `/flows`, nothing is pushed. */
  webhook?: WebhookSettings;
  /** ms between reconciler passes; also caps a flow's first re-read (`readBackoffMs`). */
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
const BY_VARIABLE = new Map(LEDGER_VARIABLES.map((row) => [row.variable, row.option]));

/**
 * Checks the form of a database URL without connecting: `file:PATH` (SQLite) or `postgres://…` / `postgresql://…`.
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

function positive(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (value > 0) return value;
  throw new EnvError(BY_OPTION.get(option)!, option, `must be a positive integer (got ${value})`);
}

/**
 * The ledger's variables from `env`, checked. In sandbox the webhook URL may be http.
 * @throws {EnvError} naming the variable: a malformed FACEID_DATABASE_URL, FACEID_WEBHOOK_URL or
 * FACEID_WEBHOOK_SECRET, one of the two webhook variables without the other, or a non-positive number.
 */
export function ledgerEnvFromEnv(env: Env, { sandbox }: { sandbox: boolean }): LedgerEnv {
  const raw = readEnv(env, LEDGER_VARIABLES) as RawLedgerEnv;
  try {
    const database = raw.databaseUrl === undefined ? undefined : parseDatabaseUrl(raw.databaseUrl);
    const { url, secrets, retryMs } = raw.webhook ?? {};
    if (url !== undefined && secrets === undefined)
      throw new LedgerConfigError('FACEID_WEBHOOK_SECRET', 'is required with FACEID_WEBHOOK_URL (whsec_…)');
    if (url === undefined && (secrets !== undefined || retryMs !== undefined))
      throw new LedgerConfigError('FACEID_WEBHOOK_URL', 'is required with FACEID_WEBHOOK_SECRET');
    const settings: LedgerEnv = {
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
    throw new EnvError(error.variable, BY_VARIABLE.get(error.variable)!, detail);
  }
}
