/**
 * Checks of the webhook settings. Each throws LedgerConfigError naming the variable, so start-up stops
 * with a message that says what to fix.
 */
import { LedgerConfigError } from '../errors.js';

/** Standard Webhooks: secrets SHOULD be 24–64 random bytes, base64 after `whsec_`. */
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/**
 * `FACEID_WEBHOOK_URL`: an absolute https URL (http allowed in sandbox only), without credentials.
 * @throws {LedgerConfigError} naming FACEID_WEBHOOK_URL.
 */
export function parseWebhookUrl(value: string, options: { sandbox: boolean }, variable = 'FACEID_WEBHOOK_URL'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LedgerConfigError(variable, `must be an absolute URL, got "${value}"`);
  }
  const allowed = options.sandbox ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) {
    throw new LedgerConfigError(variable, options.sandbox ? 'must be http(s)' : 'must be https outside sandbox');
  }
  if (url.username || url.password) throw new LedgerConfigError(variable, 'must not carry credentials');
  return url;
}

/**
 * `FACEID_WEBHOOK_SECRET`: one or more comma-separated `whsec_<base64>` secrets of 24–64 bytes; every one
 * signs each webhook, so a new secret can be added before the old one is removed.
 * @throws {LedgerConfigError} naming FACEID_WEBHOOK_SECRET (never echoing a secret).
 */
export function parseWebhookSecrets(value: string, variable = 'FACEID_WEBHOOK_SECRET'): string[] {
  const secrets = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (secrets.length === 0) throw new LedgerConfigError(variable, 'needs at least one whsec_… secret');
  secrets.forEach((secret, index) => {
    const base64 = SECRET.exec(secret)?.[1];
    let bytes = -1;
    try {
      if (base64 !== undefined) bytes = atob(base64).length;
    } catch {
      bytes = -1;
    }
    if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
      throw new LedgerConfigError(
        variable,
        `secret #${index + 1} must be whsec_ followed by base64 of ${MIN_SECRET_BYTES}–${MAX_SECRET_BYTES} bytes`,
      );
    }
  });
  return secrets;
}

/** A new random `whsec_…` secret (32 bytes), e.g. for sandbox or for `faceid-proxy` to print. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
