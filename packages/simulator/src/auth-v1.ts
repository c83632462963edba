/**
 * Tencent Cloud API signature v1 (`HmacSHA256`, `HmacSHA1`), which tencentcloud-sdk-nodejs-intl-en sends with its
 * default ClientProfile (faceid-api.md §2.4): a form-urlencoded POST whose `Signature` is
 * base64(HMAC(SecretKey, METHOD + host + path + `?` + the other params sorted by name as `k=v` joined by `&`)),
 * values not URL-encoded in the string to sign. Web Crypto only.
 */
import { SimulatorApiError } from './api-error.js';
import { signedHost, timingSafeEqual, type SignedRequest } from './auth.js';
import { MAX_CLOCK_SKEW_S, type SimulatorCredential } from './types.js';

/** Web Crypto hash per `SignatureMethod`; absent means `HmacSHA1`, as Tencent documents. */
const HASHES: Readonly<Record<string, 'SHA-1' | 'SHA-256'>> = { HmacSHA1: 'SHA-1', HmacSHA256: 'SHA-256' };

/** The v1 common parameters: they carry the call and its signature, not the action's request. */
export const V1_COMMON_PARAMS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'SignatureMethod',
  'Signature',
  'Token',
  'Language',
  'RequestClient',
]);

/** A v1 call: a form-urlencoded body and no Authorization header (anything else is checked as TC3). */
export function isV1Request(headers: Headers): boolean {
  const mediaType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/x-www-form-urlencoded' && !headers.has('authorization');
}

/** `POST` + host + path + `?` + sorted `k=v` pairs (all but `Signature`), exactly as the SDK's formatSignString. */
export function v1StringToSign(method: string, host: string, path: string, form: URLSearchParams): string {
  const pairs = [...form]
    .filter(([name]) => name !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`);
  return `${method.toUpperCase()}${host}${path}?${pairs.join('&')}`;
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new SimulatorApiError('MissingParameter', `The request is missing a required parameter ${name}.`);
  return value;
}

function parseTimestamp(value: string): number {
  if (!/^\d{1,12}$/.test(value)) {
    throw new SimulatorApiError('AuthFailure.SignatureFailure', 'Timestamp must be whole Unix seconds.');
  }
  return Number(value);
}

function hashOf(form: URLSearchParams): 'SHA-1' | 'SHA-256' {
  const method = form.get('SignatureMethod') ?? 'HmacSHA1';
  const hash = Object.hasOwn(HASHES, method) ? HASHES[method] : undefined;
  if (!hash) {
    throw new SimulatorApiError('AuthFailure.SignatureFailure', 'SignatureMethod must be HmacSHA1 or HmacSHA256.');
  }
  return hash;
}

async function hmacBase64(hash: string, secretKey: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return btoa(String.fromCharCode(...mac));
}

export interface V1Verifier {
  /**
   * Checks one v1 call's `Signature` at `nowMs` (simulator clock, ms).
   * @returns the matching credential.
   * @throws {SimulatorApiError} `MissingParameter` for an absent SecretId, Signature, Timestamp or Nonce;
   *   `AuthFailure.SignatureExpire` (over 300 s off), `.SecretIdNotFound`, `.TokenFailure`, `.SignatureFailure`.
   */
  verify(request: Omit<SignedRequest, 'body'>, form: URLSearchParams, nowMs: number): Promise<SimulatorCredential>;
}

export function createV1Verifier(credentials: readonly SimulatorCredential[]): V1Verifier {
  const byId = new Map(credentials.map((credential) => [credential.secretId, credential]));
  return {
    async verify(request, form, nowMs) {
      const names = [...form.keys()];
      if (new Set(names).size !== names.length) {
        throw new SimulatorApiError('AuthFailure.SignatureFailure', 'A parameter is repeated.');
      }
      const secretId = required(form, 'SecretId');
      const signature = required(form, 'Signature');
      const timestamp = parseTimestamp(required(form, 'Timestamp'));
      required(form, 'Nonce');
      if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_S)
        throw new SimulatorApiError('AuthFailure.SignatureExpire');
      const hash = hashOf(form);
      const credential = byId.get(secretId);
      if (!credential) throw new SimulatorApiError('AuthFailure.SecretIdNotFound');
      if (credential.sessionToken !== undefined && !timingSafeEqual(form.get('Token') ?? '', credential.sessionToken)) {
        throw new SimulatorApiError('AuthFailure.TokenFailure');
      }
      const path = new URL(request.url).pathname;
      const stringToSign = v1StringToSign(request.method, signedHost(request), path, form);
      const expected = await hmacBase64(hash, credential.secretKey, stringToSign);
      if (!timingSafeEqual(expected, signature)) throw new SimulatorApiError('AuthFailure.SignatureFailure');
      return credential;
    },
  };
}
