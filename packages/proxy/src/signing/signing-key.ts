/** Step 3 of TC3-HMAC-SHA256: the derived signing key, cached per (SecretKey, date, service). */
import { utf8, type Tc3Crypto } from './crypto.js';

/** How many derived keys the cache holds before it drops the oldest. */
export const SIGNING_KEY_CACHE_SIZE = 64;

/**
 * kDate = HMAC("TC3" + SecretKey, date); kService = HMAC(kDate, service); kSigning = HMAC(kService, "tc3_request").
 */
export async function deriveSigningKey(
  crypto: Tc3Crypto,
  secretKey: string,
  date: string,
  service: string,
): Promise<Uint8Array> {
  // Await only real promises: node:crypto answers synchronously and each await costs a microtask.
  let kDate = crypto.hmacSha256(utf8(`TC3${secretKey}`), date);
  if (!(kDate instanceof Uint8Array)) kDate = await kDate;
  let kService = crypto.hmacSha256(kDate, service);
  if (!(kService instanceof Uint8Array)) kService = await kService;
  return crypto.hmacSha256(kService, 'tc3_request');
}

/** A bounded cache of derived keys: a key changes once a day, so one derivation serves a day of calls. */
export class SigningKeyCache {
  readonly #entries = new Map<string, Promise<Uint8Array>>();
  readonly #limit: number;

  constructor(limit = SIGNING_KEY_CACHE_SIZE) {
    this.#limit = limit;
  }

  get(crypto: Tc3Crypto, secretKey: string, date: string, service: string): Promise<Uint8Array> {
    const id = `${service}\u0000${date}\u0000${secretKey}`;
    let key = this.#entries.get(id);
    if (!key) {
      key = deriveSigningKey(crypto, secretKey, date, service);
      // A failed derivation must not stay cached.
      key.catch(() => this.#entries.delete(id));
      if (this.#entries.size >= this.#limit) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(id, key);
    }
    return key;
  }
}
