/**
 * The hash and HMAC primitives TC3-HMAC-SHA256 needs, injectable so each runtime can use its fastest one.
 * Web Crypto is the portable default; `@faceid-verify/proxy/node` supplies a `node:crypto` one.
 * A method may answer synchronously or with a Promise.
 */
export interface Tc3Crypto {
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `message`. */
  sha256Hex(message: string): string | Promise<string>;
  /** Raw HMAC-SHA256 of the UTF-8 bytes of `message` under `key` (32 bytes out). */
  hmacSha256(key: Uint8Array, message: string): Uint8Array | Promise<Uint8Array>;
  /** Lowercase hex HMAC-SHA256; the last step of signing. */
  hmacSha256Hex(key: Uint8Array, message: string): string | Promise<string>;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const byte of view) out += HEX[byte];
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

async function hmacRaw(key: Uint8Array, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', cryptoKey, utf8(message));
}

/** Web Crypto (`crypto.subtle`) primitives: work in browsers, Node ≥ 20, Deno, Bun and edge workers. */
export const webTc3Crypto: Tc3Crypto = {
  async sha256Hex(message) {
    return toHex(await crypto.subtle.digest('SHA-256', utf8(message)));
  },
  async hmacSha256(key, message) {
    return new Uint8Array(await hmacRaw(key, message));
  },
  async hmacSha256Hex(key, message) {
    return toHex(await hmacRaw(key, message));
  },
};
