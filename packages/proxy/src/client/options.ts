/**
 * Options of `createFaceIdClient` and their checks: a bad option throws a `TypeError` naming it, at
 * construction, never at the first call.
 */
import type { Tc3Crypto } from '../signing/crypto.js';
import type { FaceIdCredentials, FaceIdFetch } from './call.js';
import type { RetryPolicy } from './retry.js';

/** Fixed credentials, or a provider called before every attempt (e.g. refreshing STS temporary credentials). */
export type FaceIdCredentialsOption = FaceIdCredentials | (() => FaceIdCredentials | Promise<FaceIdCredentials>);

export interface FaceIdClientOptions {
  credentials: FaceIdCredentialsOption;
  /** `X-TC-Region`, e.g. `ap-singapore`; must match between an Apply call and its Get call. */
  region: string;
  /**
   * API endpoint, `http(s)://host[:port]` (path `/`), e.g. the simulator's URL. Default: the action's host,
   * https://faceid.intl.tencentcloudapi.com, or https://faceid.tencentcloudapi.com for the legacy web pair.
   */
  endpoint?: string | URL | undefined;
  /** Transport. Default: the global `fetch`. On Node, `undiciFetch` is cheaper. */
  fetch?: FaceIdFetch | undefined;
  /** Limit of one attempt in milliseconds, body included. Default 10,000. */
  timeoutMs?: number | undefined;
  /** Extra attempts of a `Get*` result read on a retryable failure. Default 2; Apply/token calls never retry. */
  retries?: number | undefined;
  /** Clock in Unix milliseconds; `X-TC-Timestamp` is `floor(now() / 1000)`. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Hash/HMAC primitives. Default Web Crypto; on Node pass `nodeTc3Crypto`. */
  crypto?: Tc3Crypto | undefined;
  /** `X-TC-Language`: the language of Tencent's error messages, `en-US` or `zh-CN`. */
  language?: 'en-US' | 'zh-CN' | undefined;
  /** Backoff between retries (tests inject `sleep` and `random`). */
  backoff?: Partial<Omit<RetryPolicy, 'retries'>> | undefined;
}

/** Per-call options of every client method. */
export interface FaceIdCallOptions {
  /** Aborts the call (and its retries); the method then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call, milliseconds. */
  timeoutMs?: number | undefined;
}

// Tencent region IDs: `ap-singapore`, `sa-saopaulo`, `na-siliconvalley`, `eu-frankfurt`, …
const REGION = /^[a-z]{2,4}(?:-[a-z0-9]+)+$/;
const MAX_RETRIES = 10;

function fail(option: string, rule: string): never {
  throw new TypeError(`createFaceIdClient: ${option} ${rule}`);
}

export function checkTimeout(option: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(option, 'must be a positive number of milliseconds');
  }
  return value;
}

function checkCredentials(credentials: unknown): void {
  if (typeof credentials === 'function') return;
  const { secretId, secretKey } = (credentials ?? {}) as Partial<FaceIdCredentials>;
  if (typeof secretId !== 'string' || secretId === '') fail('credentials.secretId', 'must be a non-empty string');
  if (typeof secretKey !== 'string' || secretKey === '') fail('credentials.secretKey', 'must be a non-empty string');
}

/** Parses `endpoint`: http or https, no credentials, path `/`, no query or fragment. */
export function parseEndpoint(endpoint: string | URL | undefined): URL | undefined {
  if (endpoint === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    fail('endpoint', 'must be an absolute http(s) URL');
  }
  const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  if (!/^https?:$/.test(url.protocol) || !plain || url.pathname !== '/') {
    fail('endpoint', 'must be http(s)://host[:port] with path / and no credentials, query or fragment');
  }
  return url;
}

/** Throws a `TypeError` naming the first bad option. */
export function checkOptions(options: FaceIdClientOptions): void {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  checkCredentials(options.credentials);
  if (typeof options.region !== 'string' || !REGION.test(options.region)) {
    fail('region', 'must be a Tencent region ID such as ap-singapore');
  }
  if (options.timeoutMs !== undefined) checkTimeout('timeoutMs', options.timeoutMs);
  const { retries } = options;
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES)) {
    fail('retries', `must be an integer from 0 to ${MAX_RETRIES}`);
  }
  for (const name of ['fetch', 'now'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') fail(name, 'must be a function');
  }
  if (options.crypto !== undefined && typeof options.crypto?.sha256Hex !== 'function') {
    fail('crypto', 'must implement Tc3Crypto');
  }
  if (options.language !== undefined && !['en-US', 'zh-CN'].includes(options.language)) {
    fail('language', 'must be en-US or zh-CN');
  }
}
