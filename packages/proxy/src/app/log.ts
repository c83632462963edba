/**
 * One JSON log line per request (security rule 7): requestId, method, route, Tencent action and RequestId,
 * status, latencyMs; on a failure also the proxy's `code`, Tencent's `upstreamCode` and the `cause` (e.g.
 * `TypeError: connect ECONNREFUSED 127.0.0.1:8788: ECONNREFUSED`). Never keys, tokens, bindings, bodies,
 * headers or query strings.
 */
import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from './context.js';

export function requestLog(logger: (line: string) => void): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const failure = c.get('failure');
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.get('route') ?? 'unmatched',
      action: c.get('action') ?? null,
      upstreamRequestId: c.get('upstreamRequestId') ?? null,
      status: c.res.status,
      latencyMs: Math.round((performance.now() - start) * 100) / 100,
      ...(failure === undefined
        ? {}
        : { code: failure.code, upstreamCode: failure.upstreamCode ?? null, cause: failure.cause ?? null }),
    };
    try {
      logger(JSON.stringify(line));
    } catch {
      // A failing logger must not turn a served request into an error.
    }
  };
}
