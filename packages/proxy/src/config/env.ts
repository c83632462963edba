/**
 * The proxy's configuration from environment variables or Worker-style `env` bindings (design.md
 * "Configuration"), through ONE table: variable → option → parser. Parsing only turns strings into values (a
 * list, an integer, a flag); every rule lives in `resolveProxyOptions`, and a `ConfigError` it throws maps back to
 * its variable through the same table (`envErrorOf`). Web APIs only: Node, Workers, Deno and Bun share it.
 *
 * Sandbox: `FACEID_SANDBOX=1` turns it on, `0` off; unset, it is on exactly when `TENCENTCLOUD_SECRET_ID` is unset.
 * In sandbox the upstream defaults to the simulator at DEFAULT_SANDBOX_ENDPOINT with its public demo credentials.
 */
import type { FaceIdProxyOptions } from '../app/types.js';
import { DEFAULT_SANDBOX_ENDPOINT, RATE_LIMIT_WINDOW_MS, SANDBOX_CREDENTIALS } from './defaults.js';
import { ConfigError, EnvError } from './error.js';
import { resolveProxyOptions } from './options.js';

export type Env = Readonly<Record<string, string | undefined>>;
type Parser = (raw: string, variable: string, option: string) => unknown;

/** A trimmed, non-empty value, or undefined. */
export function readVariable(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === '' ? undefined : raw;
}

export const asText: Parser = (raw) => raw;
const asList: Parser = (raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A decimal integer; its range is the option's rule. @throws {EnvError} for anything else. */
export const asInteger: Parser = (raw, variable, option) => {
  if (!/^-?\d+$/.test(raw)) throw new EnvError(variable, option, `must be an integer (got "${raw}")`);
  return Number(raw);
};
const asFlag: Parser = (raw, variable, option) => {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new EnvError(variable, option, `must be 1 or 0 (got "${raw}")`);
};
/** Requests per minute per client; 0 = off. */
const asPerMinute: Parser = (raw, variable, option) => {
  const limit = asInteger(raw, variable, option) as number;
  return limit === 0 ? false : { windowMs: RATE_LIMIT_WINDOW_MS, limit };
};

export interface EnvVariable {
  variable: string;
  /** Dot path of the option it sets. */
  option: string;
  parse: Parser;
  /** For `--help` and the README. */
  doc: string;
}

/** Every variable of the proxy's options. Order: how they are listed in `--help`. */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  {
    variable: 'TENCENTCLOUD_SECRET_ID',
    option: 'credentials.secretId',
    parse: asText,
    doc: 'SecretId (unset: sandbox)',
  },
  { variable: 'TENCENTCLOUD_SECRET_KEY', option: 'credentials.secretKey', parse: asText, doc: 'SecretKey' },
  { variable: 'TENCENTCLOUD_SESSION_TOKEN', option: 'credentials.sessionToken', parse: asText, doc: 'STS token' },
  { variable: 'FACEID_SANDBOX', option: 'sandbox', parse: asFlag, doc: '1 | 0: simulator mode' },
  { variable: 'FACEID_FLOW', option: 'flow', parse: asText, doc: 'intl (default) | legacy' },
  { variable: 'FACEID_REGION', option: 'region', parse: asText, doc: 'X-TC-Region (ap-singapore)' },
  { variable: 'FACEID_ENDPOINT', option: 'endpoint', parse: asText, doc: 'FaceID URL (sandbox: simulator)' },
  { variable: 'FACEID_REDIRECT_URLS', option: 'redirectUrls', parse: asList, doc: 'return URLs (required)' },
  { variable: 'FACEID_PUBLIC_URL', option: 'publicUrl', parse: asText, doc: 'public base URL of the proxy' },
  { variable: 'FACEID_ALLOWED_ORIGINS', option: 'allowedOrigins', parse: asList, doc: 'browser origins' },
  { variable: 'FACEID_BINDING_SECRET', option: 'bindingSecret', parse: asText, doc: '>= 32 bytes' },
  { variable: 'FACEID_API_KEY', option: 'apiKey', parse: asText, doc: 'server routes key, >= 16 chars' },
  { variable: 'FACEID_RULE_ID', option: 'ruleId', parse: asText, doc: 'Tencent RuleId' },
  { variable: 'FACEID_SECURITY_LEVEL', option: 'securityLevel', parse: asInteger, doc: '1-5' },
  { variable: 'FACEID_CHECK_MODE', option: 'checkMode', parse: asInteger, doc: '1-4 (2)' },
  { variable: 'FACEID_COMPARE_IMAGE_URL', option: 'compareImage.url', parse: asText, doc: 'legacy photo URL' },
  { variable: 'FACEID_COMPARE_IMAGE_MD5', option: 'compareImage.md5', parse: asText, doc: 'its MD5' },
  { variable: 'FACEID_TIMEOUT_MS', option: 'timeoutMs', parse: asInteger, doc: 'upstream deadline, ms' },
  { variable: 'FACEID_RATE_LIMIT', option: 'rateLimit', parse: asPerMinute, doc: 'browser req/min/client, 0 off' },
  {
    variable: 'FACEID_SERVER_RATE_LIMIT',
    option: 'serverRateLimit',
    parse: asPerMinute,
    doc: 'API-key req/min/client, 0 off',
  },
  { variable: 'FACEID_UPSTREAM_RATE', option: 'upstreamRatePerSecond', parse: asInteger, doc: 'calls/s/action' },
  { variable: 'FACEID_MAX_CONCURRENCY', option: 'maxConcurrency', parse: asInteger, doc: 'in flight per action' },
  { variable: 'FACEID_TRUST_PROXY', option: 'trustProxy', parse: asInteger, doc: 'trusted proxy hops (0)' },
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest.join('.'), value);
}

/**
 * The values of `table`'s variables that are set, at their option paths.
 * @throws {EnvError} when a value cannot be parsed (an integer, a flag).
 */
export function readEnv(env: Env, table: readonly EnvVariable[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const { variable, option, parse } of table) {
    const raw = readVariable(env, variable);
    if (raw !== undefined) setPath(options, option, parse(raw, variable, option));
  }
  return options;
}

/**
 * The proxy's options from `env` (e.g. `process.env`, a Worker's bindings): only the variables that are set,
 * plus sandbox's credentials and endpoint. Not validated: `createFaceIdProxy` does that.
 * @throws {EnvError} when a value cannot be parsed (an integer, a flag).
 */
export function optionsFromEnv(env: Env): FaceIdProxyOptions {
  const options = readEnv(env, ENV_VARIABLES);
  options['sandbox'] ??= readVariable(env, 'TENCENTCLOUD_SECRET_ID') === undefined;
  if (options['sandbox'] === true) {
    options['credentials'] ??= { ...SANDBOX_CREDENTIALS };
    options['endpoint'] ??= DEFAULT_SANDBOX_ENDPOINT;
  }
  return options as unknown as FaceIdProxyOptions;
}

/** The variable that sets `option` (a dot path; `rateLimit.limit` → FACEID_RATE_LIMIT), or undefined. */
export function variableOf(option: string, table: readonly EnvVariable[] = ENV_VARIABLES): string | undefined {
  const exact = table.find((row) => row.option === option);
  if (exact) return exact.variable;
  const parent = table.find((row) => option.startsWith(`${row.option}.`));
  if (parent) return parent.variable;
  // A whole object set by several variables (`credentials`): its first.
  return table.find((row) => row.option.startsWith(`${option}.`))?.variable;
}

/**
 * `error` in terms of the environment: an EnvError naming the variable of `table` that sets the option, or
 * undefined when it is no ConfigError or no variable sets that option.
 */
export function envErrorOf(error: unknown, table: readonly EnvVariable[] = ENV_VARIABLES): EnvError | undefined {
  if (error instanceof EnvError) return error;
  if (!(error instanceof ConfigError)) return undefined;
  const variable = variableOf(error.option, table);
  return variable === undefined ? undefined : new EnvError(variable, error.option, error.detail);
}

/**
 * Reads the proxy's options from the environment (every variable of `ENV_VARIABLES`; README "Variables") and
 * validates them once, so the error names the variable.
 * @throws {EnvError} naming the first missing or bad variable (`.variable`, `.option`).
 */
export function proxyOptionsFromEnv(env: Env): FaceIdProxyOptions {
  const options = optionsFromEnv(env);
  try {
    resolveProxyOptions(options);
  } catch (error) {
    throw envErrorOf(error) ?? error;
  }
  return options;
}
