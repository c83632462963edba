/**
 * `createFaceIdClient`: one typed `call(action, request, options)` over the action table (`FACEID_ACTIONS`, API
 * version 2018-03-01), signing with TC3-HMAC-SHA256 (service `faceid`), sending with `redirect: 'manual'` under a
 * timeout, and retrying only result reads, only on outcomes the table marks retryable. The per-action methods
 * (`getWebVerificationResultIntl(…)`) are derived from the same table: `call` with the action filled in.
 */
import { webTc3Crypto } from '../signing/crypto.js';
import { SigningKeyCache } from '../signing/signing-key.js';
import { FACEID_ACTIONS, type FaceIdAction, type FaceIdRequest, type FaceIdResponse } from './actions.js';
import { sendSigned, serializeRequest, signCall, type CallContext, type FaceIdCredentials } from './call.js';
import { FaceIdApiError, FaceIdError } from './errors.js';
import {
  checkOptions,
  checkTimeout,
  parseEndpoint,
  type FaceIdCallOptions,
  type FaceIdClientOptions,
  type FaceIdCredentialsOption,
} from './options.js';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.js';

/** Default limit of one attempt, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

type Method<A extends FaceIdAction> = (
  request: FaceIdRequest<A>,
  options?: FaceIdCallOptions,
) => Promise<FaceIdResponse<A>>;

/** One method per action, named after it (`ImageRecognitionV2` → `imageRecognitionV2`). */
export type FaceIdActionMethods = { [A in FaceIdAction as Uncapitalize<A>]: Method<A> };

/**
 * A FaceID API client. `call` (and each per-action method) resolves with Tencent's `Response` object (fields in
 * Tencent's spelling, `RequestId` included) and rejects with a `FaceIdError` subclass: `FaceIdApiError`
 * (`Response.Error`), `FaceIdTimeoutError`, `FaceIdNetworkError`, `FaceIdBadResponseError`, each with its
 * `outcome`; or with the caller's `signal.reason`, or what an async credentials provider threw (unchanged).
 * Session and token starts (`Apply…`, `GetFaceIdTokenIntl`, `ImageRecognitionV2`) are retried only after
 * `RequestLimitExceeded` (Tencent refused them before running them), so a retry never issues a second token.
 */
export interface FaceIdClient extends FaceIdActionMethods {
  call<A extends FaceIdAction>(
    action: A,
    request: FaceIdRequest<A>,
    options?: FaceIdCallOptions,
  ): Promise<FaceIdResponse<A>>;
}

function credentialsProvider(option: FaceIdCredentialsOption): () => Promise<FaceIdCredentials> {
  if (typeof option !== 'function') return () => Promise.resolve(option);
  return async () => {
    const credentials = await option();
    if (!credentials?.secretId || !credentials.secretKey) {
      throw new TypeError('createFaceIdClient: the credentials provider returned no secretId/secretKey');
    }
    return credentials;
  };
}

// Retry what the outcome table marks retryable, except a timeout: it has already spent the caller's budget.
function shouldRetry(error: unknown): boolean {
  return error instanceof FaceIdError && error.retryable && error.event.kind !== 'timeout';
}

/** Tencent refused the call for its frequency limit: nothing ran, so even a session start may be sent again. */
export function isRequestLimit(error: unknown): boolean {
  return error instanceof FaceIdApiError && error.code.startsWith('RequestLimitExceeded');
}

/**
 * Makes a FaceID client. Nothing is sent until a method is called.
 * @example
 * const client = createFaceIdClient({ credentials: { secretId, secretKey }, region: 'ap-singapore' });
 * const { BizToken, VerificationURL } = await client.applyWebVerificationBizTokenIntl({
 *   RedirectURL: 'https://app.example.com/kyc/return', Config: { CheckMode: 2 } });
 * @throws {TypeError} naming the option when an option is invalid.
 */
export function createFaceIdClient(options: FaceIdClientOptions): FaceIdClient {
  checkOptions(options);
  const ctx: CallContext = {
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    credentials: credentialsProvider(options.credentials),
    region: options.region,
    endpoint: parseEndpoint(options.endpoint),
    now: options.now ?? Date.now,
    crypto: options.crypto ?? webTc3Crypto,
    keyCache: new SigningKeyCache(),
    language: options.language,
  };
  const { backoff = {} } = options;
  const policy: RetryPolicy = {
    retries: options.retries ?? DEFAULT_RETRY_POLICY.retries,
    baseDelayMs: backoff.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: backoff.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    random: backoff.random ?? DEFAULT_RETRY_POLICY.random,
    sleep: backoff.sleep ?? DEFAULT_RETRY_POLICY.sleep,
  };
  const clientTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<A extends FaceIdAction>(
    action: A,
    request: FaceIdRequest<A>,
    callOptions: FaceIdCallOptions = {},
  ): Promise<FaceIdResponse<A>> {
    const spec = FACEID_ACTIONS[action];
    if (spec === undefined) throw new TypeError(`createFaceIdClient: unknown action ${String(action)}`);
    const timeoutMs =
      callOptions.timeoutMs === undefined ? clientTimeout : checkTimeout('timeoutMs', callOptions.timeoutMs);
    const body = serializeRequest(request);
    let previous: unknown;
    const attempt = async (n: number) => {
      // Signed before the pacing wait: after its slot, an attempt only goes on the wire.
      const signed = await signCall(ctx, action, body);
      await callOptions.beforeAttempt?.(n, previous);
      return sendSigned(ctx, action, signed, body, timeoutMs, callOptions.signal);
    };
    // Reads retry what the outcome table allows; starts only a refusal for the frequency limit (nothing ran).
    const retry = (error: unknown) => ((previous = error), spec.read ? shouldRetry(error) : isRequestLimit(error));
    const reply = await withRetries(attempt, retry, policy, callOptions.signal);
    return reply as unknown as FaceIdResponse<A>;
  }

  const methods = Object.fromEntries(
    (Object.keys(FACEID_ACTIONS) as FaceIdAction[]).map((action) => [
      action[0]!.toLowerCase() + action.slice(1),
      (request: never, options?: FaceIdCallOptions) => call(action, request, options),
    ]),
  ) as unknown as FaceIdActionMethods;
  return { ...methods, call };
}
