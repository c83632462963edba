/**
 * Inbound rate limit per client (security rule 6) with `hono-rate-limiter`'s memory store: `limit` requests
 * per `windowMs` per `clientKey(c)`; beyond it 429 `rate_limited` with `Retry-After` (seconds).
 */
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { ProxyError } from './errors.js';
import type { ResolvedProxyOptions } from './options.js';

const SHARED_BUCKET = 'all-clients';

export function inboundRateLimit(options: ResolvedProxyOptions): MiddlewareHandler {
  const { rateLimit, clientKey } = options;
  if (rateLimit === false) return (_c, next) => next();
  return rateLimiter({
    windowMs: rateLimit.windowMs,
    limit: rateLimit.limit,
    standardHeaders: 'draft-7',
    keyGenerator: clientKey ?? (() => SHARED_BUCKET),
    handler: (c) => {
      const resetTime = (c.get('rateLimit') as { resetTime?: Date } | undefined)?.resetTime;
      const seconds = resetTime ? Math.ceil((resetTime.getTime() - Date.now()) / 1000) : rateLimit.windowMs / 1000;
      throw new ProxyError('rate_limited', 'Too many requests', {
        retryable: true,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) },
      });
    },
  });
}
