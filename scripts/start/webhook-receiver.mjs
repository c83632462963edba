// The backend example's webhook endpoint: POST /webhooks, Standard Webhooks as the proxy sends them. Only an
// event whose signature verifies with one of our secrets (and whose timestamp is within 5 minutes) is read.
import { bodyLimit } from 'hono/body-limit';
import { Webhook } from 'standardwebhooks';

/** A flow record without media is a few kB; anything far larger is not ours. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * @param {import('hono').Hono} app Gets `POST /webhooks`.
 * @param {{ secrets: readonly string[], verdicts: ReturnType<import('./verdicts.mjs').createVerdictBook> }} options
 *   `secrets` are the `whsec_…` secrets the proxy signs with (any one verifying is enough).
 *   Answers: 200 `{received: true, duplicate}` (`duplicate`: this webhook-id was already processed, so nothing
 *   changed); 401 `invalid_signature` for a missing, wrong or stale signature; 400 `invalid_event` for a signed
 *   body that is not a verification event; 413 for a body over 64 KiB.
 */
export function mountWebhookReceiver(app, { secrets, verdicts }) {
  const verifiers = secrets.map((secret) => new Webhook(secret));
  app.post(
    '/webhooks',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(refusal('too_large', 'Body too large.'), 413) }),
    async (c) => {
      const body = await c.req.text();
      const headers = c.req.header();
      const event = verified(verifiers, body, headers);
      if (event === undefined) return c.json(refusal('invalid_signature', 'The signature does not verify.'), 401);
      const data = event?.data;
      if (!String(event?.type).startsWith('verification.') || typeof data?.bizToken !== 'string') {
        return c.json(refusal('invalid_event', 'Not a verification event.'), 400);
      }
      const recorded = verdicts.record(headers['webhook-id'] ?? '', {
        bizToken: data.bizToken,
        status: String(data.status),
        reference: typeof data.reference === 'string' ? data.reference : null,
        result: data.result ?? null,
      });
      return c.json({ received: true, duplicate: !recorded });
    },
  );
}

/**
 * @param {Webhook[]} verifiers
 * @param {string} body The raw body: the signature covers its exact bytes.
 * @param {Record<string, string>} headers
 * @returns {any} the parsed event, or undefined when no secret verifies it.
 */
function verified(verifiers, body, headers) {
  for (const verifier of verifiers) {
    try {
      return verifier.verify(body, headers);
    } catch {
      // The next secret, if any (rotation).
    }
  }
  return undefined;
}

/** @param {string} code @param {string} message */
function refusal(code, message) {
  return { error: { code, message } };
}
