/**
 * `proxyOptionsFromEnv`: the `faceid-proxy` configuration from environment variables (design.md
 * "Configuration"). A missing or bad value throws an `EnvError` naming the variable.
 *
 * Sandbox: `FACEID_SANDBOX=1` turns it on, `FACEID_SANDBOX=0` off; unset, it is on exactly when
 * `TENCENTCLOUD_SECRET_ID` is unset. In sandbox the upstream is the simulator at `FACEID_ENDPOINT` (default
 * http://127.0.0.1:8788) with the simulator's public demo credentials unless others are given, and
 * `FACEID_BINDING_SECRET` may be omitted (a random one per process).
 */
import { canonicalReturnUrl, DEFAULT_REGION, INTL_REGIONS, MIN_BINDING_SECRET_BYTES } from './app/index.js';
import type { FaceIdProxyOptions } from './app/index.js';

/** The simulator's `DEMO_CREDENTIALS` (public, invented): what sandbox signs with when none are set. */
export const SANDBOX_CREDENTIALS = {
  secretId: 'AKIDEXAMPLEfaceidSimulatorDemo00000000',
  secretKey: 'EXAMPLEfaceidSimulatorDemoSecretKey000',
} as const;
/** Where `faceid-simulator` listens by default. */
export const DEFAULT_SANDBOX_ENDPOINT = 'http://127.0.0.1:8788';
export const DEFAULT_PORT = 8787;

/** A configuration error; `variable` is the environment variable at fault. */
export class EnvError extends Error {
  override name = 'EnvError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable} ${message}`);
  }
}

/** Variables by name, as in `process.env`, `Deno.env.toObject()` or a Workers `env` (string bindings only). */
export type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === '' ? undefined : raw;
}

function list(env: Env, name: string): string[] | undefined {
  const raw = value(env, name);
  return raw
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An integer variable within [min, max], or undefined when unset. */
export function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(parsed >= min && parsed <= max))
    throw new EnvError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  return parsed;
}

function sandboxFlag(env: Env): boolean {
  const raw = value(env, 'FACEID_SANDBOX');
  if (raw === undefined) return value(env, 'TENCENTCLOUD_SECRET_ID') === undefined;
  if (['1', 'true'].includes(raw)) return true;
  if (['0', 'false'].includes(raw)) return false;
  throw new EnvError('FACEID_SANDBOX', `must be 1 or 0 (got "${raw}")`);
}

function credentials(env: Env, sandbox: boolean): FaceIdProxyOptions['credentials'] {
  const secretId = value(env, 'TENCENTCLOUD_SECRET_ID');
  const secretKey = value(env, 'TENCENTCLOUD_SECRET_KEY');
  const sessionToken = value(env, 'TENCENTCLOUD_SESSION_TOKEN');
  if (secretId === undefined && secretKey === undefined && sandbox) return { ...SANDBOX_CREDENTIALS };
  if (secretId === undefined) throw new EnvError('TENCENTCLOUD_SECRET_ID', 'is required (or set FACEID_SANDBOX=1)');
  if (secretKey === undefined) throw new EnvError('TENCENTCLOUD_SECRET_KEY', 'is required with TENCENTCLOUD_SECRET_ID');
  return sessionToken === undefined ? { secretId, secretKey } : { secretId, secretKey, sessionToken };
}

function endpoint(env: Env, sandbox: boolean): string | undefined {
  const raw = value(env, 'FACEID_ENDPOINT') ?? (sandbox ? DEFAULT_SANDBOX_ENDPOINT : undefined);
  if (raw === undefined) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new EnvError('FACEID_ENDPOINT', `must be an http(s) URL (got "${raw}")`);
  }
  return raw;
}

function redirectUrls(env: Env): string[] {
  const urls = list(env, 'FACEID_REDIRECT_URLS');
  if (urls === undefined || urls.length === 0) {
    throw new EnvError(
      'FACEID_REDIRECT_URLS',
      'is required: comma-separated return URLs of the pages with the element',
    );
  }
  for (const url of urls) {
    try {
      canonicalReturnUrl(url);
    } catch (error) {
      throw new EnvError('FACEID_REDIRECT_URLS', `has a bad URL: ${(error as Error).message}`);
    }
  }
  return urls;
}

function bindingSecret(env: Env, sandbox: boolean): string | undefined {
  const secret = value(env, 'FACEID_BINDING_SECRET');
  if (secret === undefined && sandbox) return undefined;
  const bytes = new TextEncoder().encode(secret ?? '').length;
  if (bytes < MIN_BINDING_SECRET_BYTES) {
    throw new EnvError(
      'FACEID_BINDING_SECRET',
      `must be at least ${MIN_BINDING_SECRET_BYTES} bytes outside sandbox (got ${bytes}); e.g. openssl rand -base64 48`,
    );
  }
  return secret;
}

function region(env: Env): string {
  const raw = value(env, 'FACEID_REGION') ?? DEFAULT_REGION;
  if (!(INTL_REGIONS as readonly string[]).includes(raw)) {
    throw new EnvError('FACEID_REGION', `must be one of ${INTL_REGIONS.join(', ')} (got "${raw}")`);
  }
  return raw;
}

function origins(env: Env): string[] | undefined {
  const items = list(env, 'FACEID_ALLOWED_ORIGINS');
  for (const origin of items ?? []) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new EnvError('FACEID_ALLOWED_ORIGINS', `has "${origin}", not an origin like https://app.example.com`);
    }
  }
  return items;
}

function optional<K extends keyof FaceIdProxyOptions>(key: K, item: FaceIdProxyOptions[K] | undefined) {
  return item === undefined ? {} : { [key]: item };
}

/**
 * Reads the proxy's options from the environment: TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN,
 * FACEID_SANDBOX, FACEID_REGION (default ap-singapore), FACEID_ENDPOINT, FACEID_ALLOWED_ORIGINS and
 * FACEID_REDIRECT_URLS (comma-separated), FACEID_BINDING_SECRET (≥ 32 bytes outside sandbox), FACEID_API_KEY
 * (≥ 16 characters), FACEID_RULE_ID, FACEID_SECURITY_LEVEL (1–5), FACEID_CHECK_MODE (1–4), and the tuning knobs
 * FACEID_TIMEOUT_MS (upstream deadline, ms), FACEID_RATE_LIMIT (requests per minute per client, 0 = off),
 * FACEID_UPSTREAM_RATE (upstream calls per second per action, default 20, 0 = unlimited).
 * @throws {EnvError} naming the first missing or bad variable.
 */
export function proxyOptionsFromEnv(env: Env): FaceIdProxyOptions {
  const sandbox = sandboxFlag(env);
  const apiKey = value(env, 'FACEID_API_KEY');
  if (apiKey !== undefined && apiKey.length < 16)
    throw new EnvError('FACEID_API_KEY', 'must be at least 16 characters');
  const rateLimit = integer(env, 'FACEID_RATE_LIMIT', 0, 1e9);
  return {
    credentials: credentials(env, sandbox),
    sandbox,
    region: region(env),
    redirectUrls: redirectUrls(env),
    ...optional('endpoint', endpoint(env, sandbox)),
    ...optional('allowedOrigins', origins(env)),
    ...optional('bindingSecret', bindingSecret(env, sandbox)),
    ...optional('apiKey', apiKey),
    ...optional('ruleId', value(env, 'FACEID_RULE_ID')),
    ...optional('securityLevel', integer(env, 'FACEID_SECURITY_LEVEL', 1, 5)),
    ...optional('checkMode', integer(env, 'FACEID_CHECK_MODE', 1, 4)),
    ...optional('timeoutMs', integer(env, 'FACEID_TIMEOUT_MS', 1, 600_000)),
    ...optional('upstreamRatePerSecond', integer(env, 'FACEID_UPSTREAM_RATE', 0, 1_000_000)),
    ...(rateLimit === undefined ? {} : { rateLimit: rateLimit === 0 ? false : { windowMs: 60_000, limit: rateLimit } }),
  };
}

/** `PORT` (default 8787; 0 = any free port) and `HOST` (default 127.0.0.1). */
export function listenFromEnv(env: Env): { port: number; hostname: string } {
  return { port: integer(env, 'PORT', 0, 65_535) ?? DEFAULT_PORT, hostname: value(env, 'HOST') ?? '127.0.0.1' };
}
