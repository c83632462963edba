/**
 * The binding (security rule 4): a compact JWS (HS256, `jose`) proving "this browser started this BizToken".
 * Claims: `tok` = hex SHA-256 of the BizToken (the token itself never sits in the binding), `flow`
 * ('intl' | 'legacy'), `iat` and `exp` (Unix seconds). Only the holder of the binding secret can issue one;
 * `jose` checks the HMAC with `crypto.subtle.verify`, a constant-time comparison.
 */
import { jwtVerify, SignJWT } from 'jose';
import { toHex } from '../signing/crypto.js';

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

/** Hex SHA-256 of UTF-8 text, sync or async (`Tc3Crypto.sha256Hex` fits). */
export type Sha256Hex = (text: string) => string | Promise<string>;

const webSha256Hex: Sha256Hex = async (text) => toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/**
 * @param secret the binding secret (UTF-8 text or raw bytes); imported once as a non-extractable HMAC key.
 * @param sha256Hex hashes the BizToken; default Web Crypto (the Node entry passes `node:crypto`'s, much cheaper).
 */
export function createBindingIssuer(secret: string | Uint8Array, sha256Hex: Sha256Hex = webSha256Hex): BindingIssuer {
  const tokenHash = async (bizToken: string) => sha256Hex(bizToken);
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
