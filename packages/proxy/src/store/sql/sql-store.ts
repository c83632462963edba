/**
 * The FlowStore over SQL (SQLite and PostgreSQL share every statement). Finality is a conditional UPDATE
 * (`WHERE status = 'pending'`) that also stamps the new event's id on the flow; the event INSERT in the same
 * transaction selects on that stamp, so only the winning verdict writes an event, on any instance.
 */
import { EVENT_TYPES } from '../../ledger/status.js';
import type { DeliveryOutcome, FlowStore } from '../../ledger/types.js';
import type { SqlDriver, SqlValue } from './driver.js';
import { migrate } from './migrations.js';
import { EVENT_RETURNING, FLOW_RETURNING, FLOW_SELECT, toEvent, toFlow } from './rows.js';

const ERASED = 'result = NULL, reference = NULL, extra = NULL';
/** Inbound rate-limit windows are kept this long after they end, ms. */
const HITS_KEEP_MS = 3600 * 1000;

function finishStatement(eventId: string, outcome: DeliveryOutcome, now: number): { sql: string; args: SqlValue[] } {
  const base = 'UPDATE faceid_events SET attempts = attempts + 1, lease_until = 0, last_error = $2';
  const where = "WHERE id = $1 AND state = 'pending'";
  switch (outcome.kind) {
    case 'delivered':
      return { sql: `${base}, state = 'delivered', delivered_at = $3 ${where}`, args: [eventId, null, outcome.at] };
    case 'dead':
      return { sql: `${base}, state = 'dead' ${where}`, args: [eventId, outcome.lastError] };
    case 'retry':
      return {
        sql: `${base}, next_attempt_at = $3 ${where}`,
        args: [eventId, outcome.lastError, Math.max(outcome.nextAttemptAt, now)],
      };
  }
}

/** A FlowStore on `driver`; call `migrate()` before use (the adapters' factories do). */
export function createSqlStore(driver: SqlDriver, now: () => number = Date.now): FlowStore {
  const getFlow = async (bizToken: string) => {
    const [row] = await driver.query(`${FLOW_SELECT} WHERE f.biz_token = $1`, [bizToken]);
    return row ? toFlow(row) : null;
  };
  return {
    migrate: async () => {
      await migrate(driver, now());
    },
    insertFlow: async (flow, at, nextReadAt) => {
      await driver.query(
        `INSERT INTO faceid_flows (biz_token, flow, region, reference, extra, created_at, expires_at, updated_at, status, next_read_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6, 'pending', $8) ON CONFLICT (biz_token) DO NOTHING`,
        [flow.bizToken, flow.flow, flow.region, flow.reference, flow.extra, at, flow.expiresAt, nextReadAt],
      );
    },
    getFlow,
    listFlows: async ({ status, after, limit }) => {
      const args: SqlValue[] = [];
      const where: string[] = [];
      if (status !== undefined) where.push(`f.status = $${args.push(status)}`);
      if (after !== undefined) {
        const n = args.push(after);
        where.push(
          `(f.created_at, f.biz_token) > (SELECT created_at, biz_token FROM faceid_flows WHERE biz_token = $${n})`,
        );
      }
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = await driver.query(
        `${FLOW_SELECT} ${filter} ORDER BY f.created_at, f.biz_token LIMIT $${args.push(limit)}`,
        args,
      );
      return rows.map(toFlow);
    },
    settle: async (bizToken, status, result, at, eventId, retryUntil) => {
      // Two statements, one transaction: the flow row and its event come back from RETURNING, no join read.
      const [flows, events] = await driver.batch([
        {
          sql: `UPDATE faceid_flows SET status = $2, result = $3, updated_at = $4, event_id = $5, lease_until = 0
                WHERE biz_token = $1 AND status = 'pending' ${FLOW_RETURNING}`,
          args: [bizToken, status, result && JSON.stringify(result), at, eventId],
        },
        {
          sql: `INSERT INTO faceid_events (id, biz_token, type, created_at, state, next_attempt_at, retry_until)
                SELECT event_id, biz_token, CAST($3 AS TEXT), CAST($4 AS BIGINT), 'pending', CAST($4 AS BIGINT), CAST($5 AS BIGINT)
                FROM faceid_flows WHERE biz_token = $1 AND event_id = $2 ${EVENT_RETURNING}`,
          args: [bizToken, eventId, EVENT_TYPES[status], at, retryUntil],
        },
      ]);
      const settled = flows?.[0];
      // Already terminal (or unknown): the stored record, whose verdict is final.
      if (settled === undefined) return getFlow(bizToken);
      return { ...toFlow(settled), webhook: events?.[0] ? toEvent(events[0]) : null };
    },
    claimReads: async (at, limit, leaseUntil) => {
      const rows = await driver.query(
        `UPDATE faceid_flows SET lease_until = $3 WHERE biz_token IN (
           SELECT biz_token FROM faceid_flows WHERE status = 'pending' AND next_read_at <= $1 AND lease_until <= $1
           ORDER BY next_read_at LIMIT $2 ${driver.skipLocked}) ${FLOW_RETURNING}`,
        [at, limit, leaseUntil],
      );
      return rows.map(toFlow);
    },
    deferRead: async (bizToken, nextReadAt, at) => {
      await driver.query(
        `UPDATE faceid_flows SET next_read_at = $2, attempts = attempts + 1, updated_at = $3, lease_until = 0
         WHERE biz_token = $1 AND status = 'pending'`,
        [bizToken, nextReadAt, at],
      );
    },
    claimDeliveries: async (at, limit, leaseUntil) => {
      const rows = await driver.query(
        `UPDATE faceid_events SET lease_until = $3 WHERE id IN (
           SELECT id FROM faceid_events WHERE state = 'pending' AND next_attempt_at <= $1 AND lease_until <= $1
           ORDER BY next_attempt_at LIMIT $2 ${driver.skipLocked}) ${EVENT_RETURNING}`,
        [at, limit, leaseUntil],
      );
      const claimed = [];
      for (const row of rows) {
        const event = toEvent(row)!;
        const flow = await getFlow(event.bizToken);
        if (flow) claimed.push({ event, flow });
      }
      return claimed;
    },
    finishDelivery: async (eventId, outcome, at) => {
      const { sql, args } = finishStatement(eventId, outcome, at);
      await driver.query(sql, args);
    },
    redeliver: async (bizToken, at, retryUntil) => {
      const [row] = await driver.query(
        `UPDATE faceid_events SET state = 'pending', next_attempt_at = $2, retry_until = $3, lease_until = 0
         WHERE biz_token = $1 ${EVENT_RETURNING}`,
        [bizToken, at, retryUntil],
      );
      return row ? toEvent(row) : null;
    },
    erase: async (bizToken, at) => {
      await driver.query(
        `UPDATE faceid_flows SET ${ERASED}, erased_at = COALESCE(erased_at, $2), updated_at = $2 WHERE biz_token = $1`,
        [bizToken, at],
      );
      return getFlow(bizToken);
    },
    prune: async (cutoff, at) => {
      const old = "status <> 'pending' AND erased_at IS NULL AND updated_at < $1";
      const [events, flows] = await driver.batch([
        {
          sql: `DELETE FROM faceid_events WHERE state <> 'pending' AND biz_token IN (SELECT biz_token FROM faceid_flows WHERE ${old}) RETURNING id`,
          args: [cutoff],
        },
        {
          sql: `UPDATE faceid_flows SET ${ERASED}, erased_at = $2, updated_at = $2 WHERE ${old} RETURNING biz_token`,
          args: [cutoff, at],
        },
        // Inbound rate-limit windows that ended over an hour ago (the hourly prune keeps the table small).
        { sql: 'DELETE FROM faceid_hits WHERE window_end < $1', args: [at - HITS_KEEP_MS] },
      ]);
      return { erased: flows?.length ?? 0, events: events?.length ?? 0 };
    },
    putSecretOnce: async (name, value, at) => {
      const [, rows] = await driver.batch([
        {
          sql: 'INSERT INTO faceid_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
          args: [name, value, at],
        },
        { sql: 'SELECT value FROM faceid_secrets WHERE name = $1', args: [name] },
      ]);
      return String(rows![0]!.value);
    },
    close: () => driver.close(),
  };
}
