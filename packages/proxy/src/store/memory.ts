/**
 * In-memory FlowStore for tests and single-isolate Workers: Web APIs only, lost when the process ends.
 * Same semantics as the SQL stores (first verdict wins, leases, tombstones); every method is synchronous
 * inside, so each is atomic on a single event loop.
 */
import type {
  ClaimedDelivery,
  DeliveryOutcome,
  FlowQuery,
  FlowRecord,
  FlowStore,
  LedgerResult,
  NewFlow,
  WebhookEventRecord,
} from '../ledger/types.js';
import { EVENT_TYPES, type TerminalStatus } from '../ledger/status.js';

interface Row {
  flow: Omit<FlowRecord, 'webhook'>;
  leaseUntil: number;
}

/** Independent copies, so callers never mutate the store's rows. */
const copy = <T>(value: T): T => structuredClone(value);

export function createMemoryStore(): FlowStore {
  const flows = new Map<string, Row>();
  const events = new Map<string, WebhookEventRecord & { leaseUntil: number }>();
  const byToken = new Map<string, string>();
  const secrets = new Map<string, string>();

  const eventOf = (bizToken: string): WebhookEventRecord | null => {
    const id = byToken.get(bizToken);
    const event = id === undefined ? undefined : events.get(id);
    if (!event) return null;
    const { leaseUntil: _lease, ...record } = event;
    return copy(record);
  };
  const record = (row: Row | undefined): FlowRecord | null =>
    row ? { ...copy(row.flow), webhook: eventOf(row.flow.bizToken) } : null;

  return {
    migrate: async () => {},
    insertFlow: async (flow: NewFlow, now, nextReadAt) => {
      if (flows.has(flow.bizToken)) return;
      flows.set(flow.bizToken, {
        flow: {
          ...copy(flow),
          createdAt: now,
          updatedAt: now,
          status: 'pending',
          result: null,
          attempts: 0,
          nextReadAt,
          erasedAt: null,
        },
        leaseUntil: 0,
      });
    },
    getFlow: async (bizToken) => record(flows.get(bizToken)),
    listFlows: async ({ status, after, limit }: FlowQuery) => {
      const all = [...flows.values()].sort(
        (a, b) => a.flow.createdAt - b.flow.createdAt || (a.flow.bizToken < b.flow.bizToken ? -1 : 1),
      );
      const start = after === undefined ? 0 : all.findIndex((row) => row.flow.bizToken === after) + 1;
      return all
        .slice(start)
        .filter((row) => status === undefined || row.flow.status === status)
        .slice(0, limit)
        .map((row) => record(row)!);
    },
    settle: async (bizToken, status: TerminalStatus, result: LedgerResult | null, now, eventId, retryUntil) => {
      const row = flows.get(bizToken);
      if (row && row.flow.status === 'pending') {
        Object.assign(row.flow, { status, result: copy(result), updatedAt: now });
        row.leaseUntil = 0;
        events.set(eventId, {
          id: eventId,
          bizToken,
          type: EVENT_TYPES[status],
          createdAt: now,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          retryUntil,
          deliveredAt: null,
          lastError: null,
          leaseUntil: 0,
        });
        byToken.set(bizToken, eventId);
      }
      return record(row);
    },
    claimReads: async (now, limit, leaseUntil) => {
      const due = [...flows.values()]
        .filter((row) => row.flow.status === 'pending' && row.flow.nextReadAt <= now && row.leaseUntil <= now)
        .sort((a, b) => a.flow.nextReadAt - b.flow.nextReadAt)
        .slice(0, limit);
      for (const row of due) row.leaseUntil = leaseUntil;
      return due.map((row) => record(row)!);
    },
    deferRead: async (bizToken, nextReadAt, now) => {
      const row = flows.get(bizToken);
      if (!row || row.flow.status !== 'pending') return;
      Object.assign(row.flow, { nextReadAt, attempts: row.flow.attempts + 1, updatedAt: now });
      row.leaseUntil = 0;
    },
    claimDeliveries: async (now, limit, leaseUntil) => {
      const due = [...events.values()]
        .filter((event) => event.state === 'pending' && event.nextAttemptAt <= now && event.leaseUntil <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
        .slice(0, limit);
      for (const event of due) event.leaseUntil = leaseUntil;
      return due.map((event): ClaimedDelivery => ({
        event: eventOf(event.bizToken)!,
        flow: record(flows.get(event.bizToken))!,
      }));
    },
    finishDelivery: async (eventId, outcome: DeliveryOutcome) => {
      const event = events.get(eventId);
      if (!event || event.state !== 'pending') return;
      event.attempts += 1;
      event.leaseUntil = 0;
      event.lastError = outcome.lastError;
      if (outcome.kind === 'delivered') Object.assign(event, { state: 'delivered', deliveredAt: outcome.at });
      else if (outcome.kind === 'dead') event.state = 'dead';
      else event.nextAttemptAt = outcome.nextAttemptAt;
    },
    redeliver: async (bizToken, now, retryUntil) => {
      const event = events.get(byToken.get(bizToken) ?? '');
      if (!event) return null;
      Object.assign(event, { state: 'pending', nextAttemptAt: now, retryUntil, leaseUntil: 0 });
      return eventOf(bizToken);
    },
    erase: async (bizToken, now) => {
      const row = flows.get(bizToken);
      if (row)
        Object.assign(row.flow, {
          result: null,
          reference: null,
          extra: null,
          erasedAt: row.flow.erasedAt ?? now,
          updatedAt: now,
        });
      return record(row);
    },
    prune: async (cutoff, now) => {
      let erased = 0;
      let removed = 0;
      for (const row of flows.values()) {
        if (row.flow.status === 'pending' || row.flow.erasedAt !== null || row.flow.updatedAt >= cutoff) continue;
        Object.assign(row.flow, { result: null, reference: null, extra: null, erasedAt: now, updatedAt: now });
        erased += 1;
        const id = byToken.get(row.flow.bizToken);
        const event = id === undefined ? undefined : events.get(id);
        if (event && event.state !== 'pending') {
          events.delete(event.id);
          removed += 1;
        }
      }
      return { erased, events: removed };
    },
    putSecretOnce: async (name, value) => {
      if (!secrets.has(name)) secrets.set(name, value);
      return secrets.get(name)!;
    },
    close: async () => {},
  };
}
