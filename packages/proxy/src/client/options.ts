/**
 * Options of `createFaceIdClient` and their checks (the rules shared with the proxy's options live in
 * ../config/rules.ts): a bad option throws a `ConfigError` naming it, at construction, never at the first call.
 */
import { ConfigError } from '../config/error.js';
import {
  checkCredentials,
  checkRegionId,
  checkRetries,
  checkTimeout as checkTimeoutRule,
  parseEndpoint as parseEndpointRule,
  type Fail,
} from '../config/rules.js';
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
  /**
   * Awaited before every attempt is sent, retries included, after it is signed (the proxy paces each one here,
   * so only the send follows the slot). `previous` is the error of the attempt before, undefined for the first.
   * Rejecting stops the call with that error.
   */
  beforeAttempt?: ((attempt: number, previous: unknown) => Promise<void>) | undefined;
}

const fail: Fail = (option, rule) => {
  throw new ConfigError(option, rule, `createFaceIdClient: ${option} ${rule}`);
};

/** A positive number of milliseconds. @throws {ConfigError} naming `option`. */
export function checkTimeout(option: string, value: number): number {
  return checkTimeoutRule(option, value, fail);
}

/** Parses `endpoint`: http or https, no credentials, path `/`, no query or fragment. @throws {ConfigError} */
export function parseEndpoint(endpoint: string | URL | undefined): URL | undefined {
  return parseEndpointRule(endpoint, fail);
}

/** Throws a `ConfigError` (a `TypeError`) naming the first bad option. */
export function checkOptions(options: FaceIdClientOptions): void {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  checkCredentials(options.credentials, fail);
  checkRegionId(options.region, fail);
  if (options.timeoutMs !== undefined) checkTimeout('timeoutMs', options.timeoutMs);
  if (options.retries !== undefined) checkRetries(options.retries, fail);
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
