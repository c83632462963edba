/**
 * The binding (security rule 4): a compact JWS (HS256, `jose`) proving "this browser started this BizToken".
 * Claims: `tok` = base64url SHA-256 of the BizToken (the token itself never sits in the binding), `flow`
 * ('intl' | 'legacy'), `iat` and `exp` (Unix seconds). Only the holder of the binding secret can issue one;
 * `jose` checks the HMAC with `crypto.subtle.verify`, a constant-time comparison.
 */
import { base64url, jwtVerify, SignJWT } from 'jose';

export type Flow = 'intl' | 'legacy';

const encoder = new TextEncoder();
const ALGORITHM = 'HS256';
const TYPE = 'faceid-binding+jwt';

export interface BindingIssuer {
  /** A binding for `bizToken` in `flow`, valid until `expiresAtMs`. */
  issue(bizToken: string, flow: Flow, nowMs: number, expiresAtMs: number): Promise<string>;
  /** True only for an unexpired binding issued for exactly this BizToken and flow. Never throws. */
  verify(binding: string, bizToken: string, flow: Flow, nowMs: number): Promise<boolean>;
}

async function tokenHash(bizToken: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(bizToken))));
}

/** @param secret the binding secret (UTF-8 text or raw bytes); imported once as a non-extractable HMAC key. */
export function createBindingIssuer(secret: string | Uint8Array): BindingIssuer {
  const raw = typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret);
  let key: Promise<CryptoKey> | undefined;
  const hmacKey = () =>
    (key ??= crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));

  return {
    async issue(bizToken, flow, nowMs, expiresAtMs) {
      return new SignJWT({ tok: await tokenHash(bizToken), flow })
        .setProtectedHeader({ alg: ALGORITHM, typ: TYPE })
        .setIssuedAt(Math.floor(nowMs / 1000))
        .setExpirationTime(Math.floor(expiresAtMs / 1000))
        .sign(await hmacKey());
    },
    async verify(binding, bizToken, flow, nowMs) {
      try {
        const { payload } = await jwtVerify(binding, await hmacKey(), {
          algorithms: [ALGORITHM],
          typ: TYPE,
          currentDate: new Date(nowMs),
          requiredClaims: ['exp', 'tok', 'flow'],
        });
        return payload['flow'] === flow && payload['tok'] === (await tokenHash(bizToken));
      } catch {
        return false;
      }
    },
  };
}
