/**
 * The binding (security rule 4): a compact JWS (HS256) proving "this browser started this BizToken".
 * Accepted only in canonical base64url (no `=`, no other spelling of the same bytes).
 * Claims: `tok` = hex SHA-256 of the BizToken (the token itself never sits in the binding), `flow`
 * ('intl' | 'legacy'), `iat` and `exp` (Unix seconds). Only the holder of the binding secret can issue one.
 *
 * `jose` issues it. Verification recomputes the HMAC with the injected TC3 primitives and compares in constant
 * time: `jose`'s `jwtVerify` goes through `crypto.subtle` (a thread-pool job on Node), which cost ~12 % of the
 * proxy's CPU per call; `node:crypto` does the same HMAC synchronously. Only the exact protected header we issue
 * is accepted, so no other algorithm (`none`, RS256 …) can ever be considered. `jose` verifies our bindings too
 * (binding.test.ts).
 */
import * as base64url from 'jose/base64url';
import { SignJWT } from 'jose/jwt/sign';
import { webTc3Crypto, type Tc3Crypto } from '../signing/crypto.js';

export type Flow = 'intl' | 'legacy';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEADER = { alg: 'HS256', typ: 'faceid-binding+jwt' } as const;
const HEADER_B64 = base64url.encode(JSON.stringify(HEADER));
const MAX_BINDING_LENGTH = 2048;
const CANONICAL_CHARS = /^[A-Za-z0-9_-]*$/;

export interface BindingIssuer {
  /** A binding for `bizToken` in `flow`, valid until `expiresAtMs`. */
  issue(bizToken: string, flow: Flow, nowMs: number, expiresAtMs: number): Promise<string>;
  /** True only for an unexpired binding issued for exactly this BizToken and flow. Never throws. */
  verify(binding: string, bizToken: string, flow: Flow, nowMs: number): Promise<boolean>;
}

/** Equal-length byte comparison whose time does not depend on where the bytes differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

/**
 * The bytes of a base64url part only in its one canonical spelling: no padding, no other characters, and the
 * unused low bits of the last character zero (so `…A` and `…B` cannot both stand for the same bytes).
 */
function canonicalDecode(part: string): Uint8Array {
  const bytes = CANONICAL_CHARS.test(part) ? base64url.decode(part) : undefined;
  if (bytes === undefined || base64url.encode(bytes) !== part) throw new TypeError('non-canonical base64url');
  return bytes;
}

function claimsOf(payload: string): Record<string, unknown> | undefined {
  const claims: unknown = JSON.parse(decoder.decode(canonicalDecode(payload)));
  return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
}

/**
 * @param secret the binding secret (UTF-8 text or raw bytes).
 * @param primitives SHA-256 and HMAC-SHA256; default Web Crypto (the Node entry passes `node:crypto`'s).
 */
export function createBindingIssuer(secret: string | Uint8Array, primitives: Tc3Crypto = webTc3Crypto): BindingIssuer {
  const key = typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret);
  return {
    async issue(bizToken, flow, nowMs, expiresAtMs) {
      return new SignJWT({ tok: await primitives.sha256Hex(bizToken), flow })
        .setProtectedHeader(HEADER)
        .setIssuedAt(Math.floor(nowMs / 1000))
        .setExpirationTime(Math.floor(expiresAtMs / 1000))
        .sign(key);
    },
    async verify(binding, bizToken, flow, nowMs) {
      try {
        const parts = binding.length <= MAX_BINDING_LENGTH ? binding.split('.') : [];
        if (parts.length !== 3 || parts[0] !== HEADER_B64) return false;
        const [header, payload, signature] = parts as [string, string, string];
        const expected = await primitives.hmacSha256(key, `${header}.${payload}`);
        if (!constantTimeEqual(canonicalDecode(signature), expected)) return false;
        const claims = claimsOf(payload);
        const exp = claims?.['exp'];
        if (typeof exp !== 'number' || exp <= Math.floor(nowMs / 1000)) return false;
        return claims?.['flow'] === flow && claims['tok'] === (await primitives.sha256Hex(bizToken));
      } catch {
        return false;
      }
    },
  };
}
