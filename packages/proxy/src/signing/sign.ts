/**
 * Step 4 of TC3-HMAC-SHA256: signature, Authorization header and the full header set Tencent's API expects.
 * Source: Tencent Cloud API 3.0 "Signature v3"; byte-for-byte the output of `tencentcloud-sdk-nodejs-common`
 * `Sign.sign3` and the headers of its `AbstractClient` (checked against `tc3-vectors.json`).
 */
import { buildCanonicalRequest, TC3_SIGNED_HEADERS } from './canonical-request.js';
import { webTc3Crypto, type Tc3Crypto } from './crypto.js';
import { deriveSigningKey, SigningKeyCache } from './signing-key.js';
import { buildStringToSign, credentialScope, TC3_ALGORITHM, utcDate } from './string-to-sign.js';

export interface Tc3SignInput {
  secretId: string;
  secretKey: string;
  /** STS session token of temporary credentials; sent as `X-TC-Token`, not signed. */
  sessionToken?: string | undefined;
  /** Signing service, the endpoint's first DNS label: `faceid`. */
  service: string;
  /** Host that is signed: the hostname without port, e.g. `faceid.intl.tencentcloudapi.com`. */
  host: string;
  /** `X-TC-Region`, e.g. `ap-singapore`; omitted when undefined or null. */
  region?: string | null | undefined;
  /** `X-TC-Action`, e.g. `ApplyWebVerificationBizTokenIntl`. */
  action: string;
  /** `X-TC-Version`, `2018-03-01` for FaceID. */
  version: string;
  /** Request time in whole Unix seconds (floor of the clock), sent as `X-TC-Timestamp`. */
  timestamp: number;
  /** The exact body string that will be sent; its UTF-8 bytes are hashed. */
  body: string;
  /** Content-Type sent and signed, verbatim. Default `application/json`. */
  contentType?: string | undefined;
  /** `X-TC-Language` (`en-US` or `zh-CN`): the language of error messages. */
  language?: string | undefined;
}

export interface Tc3SignOptions {
  /** Hash/HMAC primitives. Default: Web Crypto. */
  crypto?: Tc3Crypto;
  /** Derived-key cache; pass `null` to derive every time. Default: a shared cache of 64 keys. */
  keyCache?: SigningKeyCache | null;
}

export interface Tc3SignatureParts {
  hashedPayload: string;
  canonicalRequest: string;
  credentialScope: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

export const DEFAULT_CONTENT_TYPE = 'application/json';
const sharedKeyCache = new SigningKeyCache();

/** `TC3-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<list>, Signature=<hex>`. */
export function buildAuthorization(secretId: string, scope: string, signedHeaders: string, signature: string): string {
  return `${TC3_ALGORITHM} Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

function requireText(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`signTc3: ${name} must be a non-empty string`);
}

/**
 * Every intermediate value of one signature, for tests and for the simulator's verification.
 * @throws {TypeError} when a required field is missing or empty; {RangeError} for a bad timestamp.
 */
export async function computeTc3Signature(
  input: Tc3SignInput,
  options: Tc3SignOptions = {},
): Promise<Tc3SignatureParts> {
  for (const name of ['secretId', 'secretKey', 'service', 'host', 'action', 'version'] as const) {
    requireText(name, input[name]);
  }
  if (typeof input.body !== 'string') throw new TypeError('signTc3: body must be the exact string that will be sent');
  const crypto = options.crypto ?? webTc3Crypto;
  const date = utcDate(input.timestamp);
  const scope = credentialScope(date, input.service);
  // Await only real promises: node:crypto answers synchronously and each await costs a microtask.
  let hashedPayload = crypto.sha256Hex(input.body);
  if (typeof hashedPayload !== 'string') hashedPayload = await hashedPayload;
  const canonicalRequest = buildCanonicalRequest({
    headers: { 'content-type': input.contentType ?? DEFAULT_CONTENT_TYPE, host: input.host },
    hashedPayload,
  });
  let hashedCanonicalRequest = crypto.sha256Hex(canonicalRequest);
  if (typeof hashedCanonicalRequest !== 'string') hashedCanonicalRequest = await hashedCanonicalRequest;
  const stringToSign = buildStringToSign(input.timestamp, scope, hashedCanonicalRequest);
  const cache = options.keyCache === undefined ? sharedKeyCache : options.keyCache;
  const signingKey = cache
    ? await cache.get(crypto, input.secretKey, date, input.service)
    : await deriveSigningKey(crypto, input.secretKey, date, input.service);
  let signature = crypto.hmacSha256Hex(signingKey, stringToSign);
  if (typeof signature !== 'string') signature = await signature;
  return {
    hashedPayload,
    canonicalRequest,
    credentialScope: scope,
    stringToSign,
    signature,
    authorization: buildAuthorization(input.secretId, scope, TC3_SIGNED_HEADERS, signature),
  };
}

/**
 * Signs one Tencent Cloud API call with TC3-HMAC-SHA256 and returns the headers to send:
 * `Authorization`, `Content-Type`, `Host`, `X-TC-Action`, `X-TC-Timestamp`, `X-TC-Version`, and
 * `X-TC-Region`, `X-TC-Token`, `X-TC-Language` when given.
 * @example
 * const headers = await signTc3({ secretId, secretKey, service: 'faceid', host: 'faceid.intl.tencentcloudapi.com',
 *   region: 'ap-singapore', action: 'GetWebVerificationResultIntl', version: '2018-03-01',
 *   timestamp: Math.floor(Date.now() / 1000), body });
 * @throws {TypeError} when a required field is missing or empty; {RangeError} for a bad timestamp.
 */
export async function signTc3(input: Tc3SignInput, options: Tc3SignOptions = {}): Promise<Record<string, string>> {
  const { authorization } = await computeTc3Signature(input, options);
  const headers: Record<string, string> = {
    Authorization: authorization,
    'Content-Type': input.contentType ?? DEFAULT_CONTENT_TYPE,
    Host: input.host,
    'X-TC-Action': input.action,
    'X-TC-Timestamp': String(input.timestamp),
    'X-TC-Version': input.version,
  };
  if (input.region) headers['X-TC-Region'] = input.region;
  if (input.sessionToken) headers['X-TC-Token'] = input.sessionToken;
  if (input.language) headers['X-TC-Language'] = input.language;
  return headers;
}
