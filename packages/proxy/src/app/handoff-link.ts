/**
 * The handoff link (`{proxy}/web/handoff/{bizToken}?e=…&u=…&s=…`) the desktop shows as a QR code: it carries the
 * flow's VerificationURL and its end of life, signed (HMAC-SHA256 under a key derived from the binding secret,
 * for this use only), so any instance with the same secret can send the phone on without storing anything.
 * The link grants what the VerificationURL grants (doing the hosted flow), never reading the result: that
 * needs the desktop's binding. Query parameters: `e` = Unix seconds the BizToken must be used by, `u` = the
 * VerificationURL (base64url), `s` = the signature (base64url).
 */
import * as base64url from 'jose/base64url';
import { webTc3Crypto, type Tc3Crypto } from '../signing/crypto.js';
import { constantTimeEqual } from './binding.js';

/** Longest query value accepted, characters: nothing bigger is decoded or hashed. */
const MAX_VALUE_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const decoder = new TextDecoder();

export interface HandoffLinks {
  /** The absolute link for `bizToken`, valid until `expiresAtMs`, under `base` (no trailing slash). */
  create(base: string, bizToken: string, verificationUrl: string, expiresAtMs: number): Promise<string>;
  /**
   * The VerificationURL a link's query signs for `bizToken`, or null: forged, altered, malformed or at or
   * past its end of life (`nowMs`). Never throws.
   */
  open(bizToken: string, query: URLSearchParams, nowMs: number): Promise<string | null>;
}

const message = (bizToken: string, expires: string, verificationUrl: string) =>
  `faceid-handoff\n${bizToken}\n${expires}\n${verificationUrl}`;

/** @param secret the binding secret's bytes; the link key is derived from it, so the two never coincide. */
export function createHandoffLinks(secret: Uint8Array, primitives: Tc3Crypto = webTc3Crypto): HandoffLinks {
  const key = Promise.resolve(primitives.hmacSha256(secret, 'faceid-verify handoff link key v1'));
  const sign = async (text: string) => primitives.hmacSha256(await key, text);
  return {
    async create(base, bizToken, verificationUrl, expiresAtMs) {
      const expires = String(Math.floor(expiresAtMs / 1000));
      const query = new URLSearchParams({
        e: expires,
        u: base64url.encode(verificationUrl),
        s: base64url.encode(await sign(message(bizToken, expires, verificationUrl))),
      });
      return `${base}/web/handoff/${encodeURIComponent(bizToken)}?${query.toString()}`;
    },
    async open(bizToken, query, nowMs) {
      try {
        const [expires, url, signature] = [query.get('e'), query.get('u'), query.get('s')];
        if (expires === null || url === null || signature === null) return null;
        if (!/^\d{1,12}$/.test(expires) || Number(expires) <= Math.floor(nowMs / 1000)) return null;
        if (![url, signature].every((part) => part.length <= MAX_VALUE_LENGTH && BASE64URL.test(part))) return null;
        const verificationUrl = decoder.decode(base64url.decode(url));
        const expected = await sign(message(bizToken, expires, verificationUrl));
        return constantTimeEqual(base64url.decode(signature), expected) ? verificationUrl : null;
      } catch {
        return null;
      }
    },
  };
}
