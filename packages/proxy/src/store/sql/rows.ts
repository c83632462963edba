/** Column lists and row → record mapping of the SQL stores (BIGINT may arrive as a string from PostgreSQL). */
import type { FlowStatus, WebhookEventType } from '../../ledger/status.js';
import type { FlowRecord, LedgerResult, WebhookEventRecord, WebhookState } from '../../ledger/types.js';
import type { SqlRow } from './driver.js';

const FLOW_COLUMNS = [
  'biz_token',
  'flow',
  'region',
  'reference',
  'extra',
  'created_at',
  'expires_at',
  'updated_at',
  'status',
  'result',
  'attempts',
  'next_read_at',
  'erased_at',
];
const EVENT_COLUMNS = [
  'id',
  'biz_token',
  'type',
  'created_at',
  'state',
  'attempts',
  'next_attempt_at',
  'retry_until',
  'delivered_at',
  'last_error',
];

/** `SELECT` list of a flow joined with its event (`f`, `e`), event columns prefixed `e_`. */
export const FLOW_SELECT = `SELECT ${FLOW_COLUMNS.map((c) => `f.${c}`).join(', ')}, ${EVENT_COLUMNS.map(
  (c) => `e.${c} AS e_${c}`,
).join(', ')} FROM faceid_flows f LEFT JOIN faceid_events e ON e.id = f.event_id`;
export const EVENT_RETURNING = `RETURNING ${EVENT_COLUMNS.join(', ')}`;
export const FLOW_RETURNING = `RETURNING ${FLOW_COLUMNS.join(', ')}`;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toEvent(row: SqlRow, prefix = ''): WebhookEventRecord | null {
  const get = (column: string) => row[prefix + column];
  if (get('id') === null || get('id') === undefined) return null;
  return {
    id: String(get('id')),
    bizToken: String(get('biz_token')),
    type: String(get('type')) as WebhookEventType,
    createdAt: num(get('created_at')),
    state: String(get('state')) as WebhookState,
    attempts: num(get('attempts')),
    nextAttemptAt: num(get('next_attempt_at')),
    retryUntil: num(get('retry_until')),
    deliveredAt: numOrNull(get('delivered_at')),
    lastError: text(get('last_error')),
  };
}

export function toFlow(row: SqlRow): FlowRecord {
  const result = text(row.result);
  return {
    bizToken: String(row.biz_token),
    flow: String(row.flow),
    region: String(row.region),
    reference: text(row.reference),
    extra: text(row.extra),
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
    updatedAt: num(row.updated_at),
    status: String(row.status) as FlowStatus,
    result: result === null ? null : (JSON.parse(result) as LedgerResult),
    attempts: num(row.attempts),
    nextReadAt: num(row.next_read_at),
    erasedAt: numOrNull(row.erased_at),
    webhook: toEvent(row, 'e_'),
  };
}
