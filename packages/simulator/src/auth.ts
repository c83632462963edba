/**
 * TC3-HMAC-SHA256 verification as FaceID does it (faceid-api.md §2): rebuild the canonical request from the
 * received headers and body bytes, with the signed host being the Host header's hostname without port.
 * Uses the project's signer pieces and Web Crypto only.
 */
import {
  buildCanonicalRequest,
  buildStringToSign,
  credentialScope,
  SigningKeyCache,
  TC3_ALGORITHM,
  toHex,
  utcDate,
  webTc3Crypto,
  type Tc3Crypto,
} from '@faceid-verify/proxy/signing';
import { SimulatorApiError } from './api-error.js';
import { MAX_CLOCK_SKEW_S, type SimulatorCredential } from './types.js';

const SERVICE = 'faceid';
const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export interface SignedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
}

interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string | null): ParsedAuthorization {
  if (!value) throw new SimulatorApiError('AuthFailure.SignatureFailure', 'The Authorization header is missing.');
  const match = AUTHORIZATION_PATTERN.exec(value.trim());
  if (!match) {
    const algorithm = value.trim().split(' ')[0];
    throw new SimulatorApiError(
      'AuthFailure.InvalidAuthorization',
      algorithm === TC3_ALGORITHM ? 'The Authorization header is malformed.' : 'Only TC3-HMAC-SHA256 is supported.',
    );
  }
  const [, secretId = '', date = '', service = '', signedHeaders = '', signature = ''] = match;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

function parseTimestamp(value: string | null): number {
  if (!value || !/^\d{1,12}$/.test(value)) {
    throw new SimulatorApiError('AuthFailure.InvalidAuthorization', 'X-TC-Timestamp must be whole Unix seconds.');
  }
  return Number(value);
}

function checkSignedHeaderList(names: string[]): void {
  const sorted = [...names].sort();
  const ok =
    names.includes('content-type') &&
    names.includes('host') &&
    new Set(names).size === names.length &&
    names.every((name, i) => name === sorted[i]);
  if (!ok) {
    throw new SimulatorApiError(
      'AuthFailure.InvalidAuthorization',
      'SignedHeaders must be a sorted, lower-case list including content-type and host.',
    );
  }
}

/** The Host header's hostname without port (the URL's hostname when there is no Host header, as in browsers). */
export function signedHost(request: Pick<SignedRequest, 'url' | 'headers'>): string {
  const host = request.headers.get('host');
  if (!host) return new URL(request.url).hostname;
  if (!URL.canParse(`http://${host}`)) throw new SimulatorApiError('AuthFailure.SignatureFailure', 'Bad Host header.');
  return new URL(`http://${host}`).hostname;
}

/** Signed header values as received; `host` is the Host header's hostname without port. */
function signedHeaderValues(request: SignedRequest, names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    if (name === 'host') {
      values[name] = signedHost(request);
      continue;
    }
    const value = request.headers.get(name);
    if (value === null)
      throw new SimulatorApiError('AuthFailure.SignatureFailure', `Signed header ${name} is missing.`);
    values[name] = value;
  }
  return values;
}

/** Constant-time comparison of two strings (length leaks, content does not). */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

// ignoreBOM keeps a leading BOM in the text, so re-encoding gives back the exact bytes.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Hex SHA-256 of the exact body bytes: via `crypto` when they are UTF-8 (always, for JSON), else Web Crypto. */
async function hashBody(body: Uint8Array<ArrayBuffer>, crypto: Tc3Crypto): Promise<string> {
  let text: string;
  try {
    text = utf8Decoder.decode(body);
  } catch {
    return toHex(await globalThis.crypto.subtle.digest('SHA-256', body));
  }
  return crypto.sha256Hex(text);
}

export interface Tc3Verifier {
  /**
   * Checks one request's signature at `nowMs`.
   * @returns the matching credential.
   * @throws {SimulatorApiError} `AuthFailure.*` codes.
   */
  verify(request: SignedRequest, nowMs: number): Promise<SimulatorCredential>;
}

/** @param crypto hash/HMAC primitives; default Web Crypto (Node callers pass `nodeTc3Crypto`). */
export function createTc3Verifier(
  credentials: readonly SimulatorCredential[],
  crypto: Tc3Crypto = webTc3Crypto,
): Tc3Verifier {
  const byId = new Map(credentials.map((credential) => [credential.secretId, credential]));
  const keyCache = new SigningKeyCache();
  return {
    async verify(request, nowMs) {
      const auth = parseAuthorization(request.headers.get('authorization'));
      const timestamp = parseTimestamp(request.headers.get('x-tc-timestamp'));
      if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_S)
        throw new SimulatorApiError('AuthFailure.SignatureExpire');
      if (auth.service !== SERVICE) {
        throw new SimulatorApiError('AuthFailure.InvalidAuthorization', `The signed service must be ${SERVICE}.`);
      }
      const credential = byId.get(auth.secretId);
      if (!credential) throw new SimulatorApiError('AuthFailure.SecretIdNotFound');
      if (credential.sessionToken !== undefined) {
        const token = request.headers.get('x-tc-token') ?? '';
        if (!timingSafeEqual(token, credential.sessionToken)) throw new SimulatorApiError('AuthFailure.TokenFailure');
      }
      checkSignedHeaderList(auth.signedHeaders);
      if (auth.date !== utcDate(timestamp)) {
        throw new SimulatorApiError(
          'AuthFailure.SignatureFailure',
          'The credential date is not the UTC date of X-TC-Timestamp.',
        );
      }
      const url = new URL(request.url);
      const canonicalRequest = buildCanonicalRequest({
        method: request.method,
        path: url.pathname,
        query: url.search.slice(1),
        headers: signedHeaderValues(request, auth.signedHeaders),
        hashedPayload: await hashBody(request.body, crypto),
      });
      const scope = credentialScope(auth.date, SERVICE);
      const stringToSign = buildStringToSign(timestamp, scope, await crypto.sha256Hex(canonicalRequest));
      const key = await keyCache.get(crypto, credential.secretKey, auth.date, SERVICE);
      const expected = await crypto.hmacSha256Hex(key, stringToSign);
      if (!timingSafeEqual(expected, auth.signature)) throw new SimulatorApiError('AuthFailure.SignatureFailure');
      return credential;
    },
  };
}
