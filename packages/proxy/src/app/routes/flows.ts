/**
 * Server rows of the flow ledger (API key; README "Results on your server"):
 * `GET /flows/{bizToken}` the record; `GET /flows?status=&after=&limit=` a page in creation order;
 * `POST /flows/{bizToken}/redeliver` queues its terminal webhook again (same webhook-id), 202;
 * `DELETE /flows/{bizToken}` erases result, reference and extra and keeps a tombstone (like Stripe's redact).
 * Each answers from the ledger only: no upstream call. Unknown BizToken → 404 `not_found`.
 */
import { flowView } from '../../ledger/view.js';
import type { FlowRecord } from '../../ledger/types.js';
import { ProxyError } from '../errors.js';
import { parseOrRefuse } from '../request.js';
import { BizTokenSchema, FlowsQuerySchema } from '../schemas.js';
import { route, type RouteInput } from './route.js';

function bizTokenOf({ params }: RouteInput<unknown>): string {
  return parseOrRefuse(BizTokenSchema, params['bizToken'], 'path parameter');
}

function found(record: FlowRecord | null) {
  if (record === null) throw new ProxyError('not_found', 'No flow with this BizToken');
  return flowView(record);
}

export const FLOW_ROUTES = [
  route({
    name: 'flows.list',
    method: 'GET',
    path: '/flows',
    kind: 'server',
    respond: async ({ c, deps }) => {
      const query = parseOrRefuse(FlowsQuerySchema, c.req.query(), 'query parameter');
      const page = await deps.ledger.list({ status: query.status, after: query.after, limit: query.limit ?? 100 });
      return { flows: page.flows.map(flowView), next: page.next };
    },
  }),
  route({
    name: 'flows.get',
    method: 'GET',
    path: '/flows/:bizToken',
    kind: 'server',
    respond: async (input) => found(await input.deps.ledger.get(bizTokenOf(input))),
  }),
  route({
    name: 'flows.redeliver',
    method: 'POST',
    path: '/flows/:bizToken/redeliver',
    kind: 'server',
    status: 202,
    respond: async (input) => {
      const bizToken = bizTokenOf(input);
      const event = await input.deps.ledger.redeliver(bizToken);
      if (event === null) {
        const record = found(await input.deps.ledger.get(bizToken));
        throw new ProxyError('not_found', `The flow is ${record.status}: it has no terminal event to redeliver yet`);
      }
      return found(await input.deps.ledger.get(bizToken));
    },
  }),
  route({
    name: 'flows.erase',
    method: 'DELETE',
    path: '/flows/:bizToken',
    kind: 'server',
    respond: async (input) => found(await input.deps.ledger.erase(bizTokenOf(input))),
  }),
];
