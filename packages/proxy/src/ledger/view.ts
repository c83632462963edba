/**
 * A flow record as the server routes answer it (`GET /flows/{bizToken}`, `GET /flows`): the stored record with
 * ISO 8601 times, its terminal event's delivery state, and nothing else (no media, binding or lease).
 */
import type { FlowStatus } from './status.js';
import type { FlowRecord, LedgerResult, WebhookState } from './types.js';

export interface WebhookView {
  /** The `webhook-id`, the same on every retry and redelivery. */
  id: string;
  type: string;
  state: WebhookState;
  attempts: number;
  /** Last failure: `http 503`, `timeout`, `redirect 302`, `network …`; null once delivered. */
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

export interface FlowView {
  bizToken: string;
  flow: string;
  region: string;
  status: FlowStatus;
  reference: string | null;
  extra: string | null;
  result: LedgerResult | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Set once DELETE or retention erased the result, reference and extra. */
  erasedAt: string | null;
  /** Upstream result reads made by the reconciler. */
  attempts: number;
  webhook: WebhookView | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function flowView(record: FlowRecord): FlowView {
  const { webhook } = record;
  return {
    bizToken: record.bizToken,
    flow: record.flow,
    region: record.region,
    status: record.status,
    reference: record.reference,
    extra: record.extra,
    result: record.result,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    expiresAt: iso(record.expiresAt),
    erasedAt: record.erasedAt === null ? null : iso(record.erasedAt),
    attempts: record.attempts,
    webhook: webhook && {
      id: webhook.id,
      type: webhook.type,
      state: webhook.state,
      attempts: webhook.attempts,
      lastError: webhook.lastError,
      nextAttemptAt: iso(webhook.nextAttemptAt),
      deliveredAt: webhook.deliveredAt === null ? null : iso(webhook.deliveredAt),
    },
  };
}
