/**
 * A flow's terminal event as Standard Webhooks sends it: body `{type, timestamp, data}` and the headers
 * `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` (one `v1,…` per secret, space-separated
 * as the spec and the `standardwebhooks` verifier expect). `data` never carries media, bindings or secrets.
 */
import { Webhook } from 'standardwebhooks';
import type { FlowRecord, LedgerResult, WebhookEventRecord } from '../types.js';
import type { FlowStatus, WebhookEventType } from '../status.js';

export interface WebhookPayload {
  type: WebhookEventType;
  /** ISO 8601 time of the verdict (the event's creation), the same on every retry. */
  timestamp: string;
  data: {
    bizToken: string;
    status: FlowStatus;
    reference: string | null;
    extra: string | null;
    result: LedgerResult | null;
  };
}

export function webhookPayload(event: WebhookEventRecord, flow: FlowRecord): WebhookPayload {
  return {
    type: event.type,
    timestamp: new Date(event.createdAt).toISOString(),
    data: {
      bizToken: flow.bizToken,
      status: flow.status,
      reference: flow.reference,
      extra: flow.extra,
      result: flow.result,
    },
  };
}

/** Signers for a list of `whsec_…` secrets, made once per configuration. */
export function webhookSigners(secrets: readonly string[]): Webhook[] {
  return secrets.map((secret) => new Webhook(secret));
}

/** The three Standard Webhooks headers for `body`, signed at `now` (ms) with every signer. */
export function webhookHeaders(
  signers: readonly Webhook[],
  id: string,
  now: number,
  body: string,
): Record<string, string> {
  const at = new Date(Math.floor(now / 1000) * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(at.getTime() / 1000),
    'webhook-signature': signers.map((signer) => signer.sign(id, at, body)).join(' '),
  };
}
