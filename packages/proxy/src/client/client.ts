/**
 * `createFaceIdClient`: one typed method per FaceID action the project uses (API version 2018-03-01),
 * each signing with TC3-HMAC-SHA256 (service `faceid`), sending with `redirect: 'error'` under a timeout,
 * and retrying only the `Get*` result reads, only on retryable failures.
 */
import { webTc3Crypto } from '../signing/crypto.js';
import { SigningKeyCache } from '../signing/signing-key.js';
import { FACEID_ACTIONS, type FaceIdAction, type FaceIdRequest, type FaceIdResponse } from './actions.js';
import { callOnce, serializeRequest, type CallContext, type FaceIdCredentials } from './call.js';
import { FaceIdError, FaceIdTimeoutError } from './errors.js';
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

/**
 * A FaceID API client. Every method resolves with Tencent's `Response` object (fields in Tencent's spelling,
 * `RequestId` included) and rejects with a `FaceIdError` subclass: `FaceIdApiError` (`Response.Error`),
 * `FaceIdTimeoutError`, `FaceIdNetworkError`, `FaceIdBadResponseError`; or with the caller's `signal.reason`,
 * or what an async credentials provider threw (unchanged).
 */
export interface FaceIdClient {
  /** `ApplyWebVerificationBizTokenIntl`: a BizToken and the VerificationURL of the hosted page. Never retried. */
  applyWebVerificationBizTokenIntl: Method<'ApplyWebVerificationBizTokenIntl'>;
  /** `GetWebVerificationResultIntl`: the verdict (`ErrorCode`) and attempts of a BizToken. Retried. */
  getWebVerificationResultIntl: Method<'GetWebVerificationResultIntl'>;
  /** `ApplyWebVerificationToken` (legacy web flow, mainland host). Never retried. */
  applyWebVerificationToken: Method<'ApplyWebVerificationToken'>;
  /** `GetWebVerificationResult` (legacy web flow, mainland host). Retried. */
  getWebVerificationResult: Method<'GetWebVerificationResult'>;
  /** `GetFaceIdTokenIntl`: an SdkToken for the selfie App SDK. Never retried. */
  getFaceIdTokenIntl: Method<'GetFaceIdTokenIntl'>;
  /** `GetFaceIdResultIntl`: the App SDK result (`Result` `"0"`, `"-999"` = not finished). Retried. */
  getFaceIdResultIntl: Method<'GetFaceIdResultIntl'>;
  /** `GetSdkVerificationResult`: the eKYC App SDK result. Retried. */
  getSdkVerificationResult: Method<'GetSdkVerificationResult'>;
  /** `ImageRecognitionV2`: photo versus the ID-photo database; sent without `X-TC-Region`. Never retried. */
  imageRecognitionV2: Method<'ImageRecognitionV2'>;
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

// Retry only what the issue allows: retryable failures; a timeout has already spent the caller's budget.
function shouldRetry(error: unknown): boolean {
  return error instanceof FaceIdError && error.retryable && !(error instanceof FaceIdTimeoutError);
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

  function method<A extends FaceIdAction>(action: A): Method<A> {
    const noRetries = { ...policy, retries: 0 };
    const actionPolicy = FACEID_ACTIONS[action].read ? policy : noRetries;
    return async (request, callOptions = {}) => {
      const timeoutMs =
        callOptions.timeoutMs === undefined ? clientTimeout : checkTimeout('timeoutMs', callOptions.timeoutMs);
      const body = serializeRequest(request);
      const attempt = () => callOnce(ctx, action, body, timeoutMs, callOptions.signal);
      const reply = await withRetries(attempt, shouldRetry, actionPolicy, callOptions.signal);
      return reply as unknown as FaceIdResponse<A>;
    };
  }

  return {
    applyWebVerificationBizTokenIntl: method('ApplyWebVerificationBizTokenIntl'),
    getWebVerificationResultIntl: method('GetWebVerificationResultIntl'),
    applyWebVerificationToken: method('ApplyWebVerificationToken'),
    getWebVerificationResult: method('GetWebVerificationResult'),
    getFaceIdTokenIntl: method('GetFaceIdTokenIntl'),
    getFaceIdResultIntl: method('GetFaceIdResultIntl'),
    getSdkVerificationResult: method('GetSdkVerificationResult'),
    imageRecognitionV2: method('ImageRecognitionV2'),
  };
}
