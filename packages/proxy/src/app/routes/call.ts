/**
 * One upstream call from a route: records the action and Tencent's RequestId for the log line and runs the
 * call under the app's upstream guard (concurrency, per-action pacing, deadline, request abort).
 */
import type { Context } from 'hono';
import type { FaceIdClient } from '../../client/index.js';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import type { UpstreamCall } from '../upstream.js';

export async function callUpstream<T extends { RequestId: string }>(
  c: Context<ProxyEnv>,
  deps: ProxyDeps,
  action: string,
  call: (client: FaceIdClient, options: Parameters<UpstreamCall<T>>[0]) => Promise<T>,
): Promise<T> {
  c.set('action', action);
  const reply = await deps.guard(action, (options) => call(deps.client, options), c.req.raw.signal);
  c.set('upstreamRequestId', reply.RequestId);
  return reply;
}
