/**
 * Inbound rate limits (security rule 6) with `hono-rate-limiter`: its memory store, or on PostgreSQL the ledger
 * store's shared counters (`store.hits`), so N instances allow the limit once, not N times. Two buckets: browsers and
 * other anonymous callers by client address (`rateLimit`, per `clientAddress(c)`), and the calls of authorised
 * servers in their own bucket (`serverRateLimit`), so a busy page never throttles the integrator's backend and
 * the other way round. Beyond a limit: 429 `rate_limited` with `Retry-After` (seconds).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import { DEFAULT_SERVER_RATE_LIMIT } from '../config/defaults.js';
import type { ProxyEnv } from './context.js';
import { ProxyError } from './errors.js';
import type { ResolvedProxyOptions } from './options.js';
import type { HitCounter } from './pacing.js';

const SHARED_BUCKET = 'all-clients';
const SERVER_BUCKET = 'api-key';

type Limit = { windowMs: number; limit: number } | false;
type Options = Pick<ResolvedProxyOptions, 'rateLimit' | 'clientKey' | 'trustProxy' | 'serverRateLimit' | 'ledger'>;

/**
 * The client's address: with `trustProxy` = n > 0 hops, the n-th `X-Forwarded-For` entry from the right (what
 * the outermost trusted proxy saw); otherwise, or when the header has fewer entries, `clientKey(c)` (the Node
 * entry passes the peer address), else one shared bucket.
 */
export async function clientAddress(c: Context, options: Options): Promise<string> {
  const hops = options.trustProxy ?? 0;
  if (hops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
    const address = chain.length >= hops ? chain[chain.length - hops] : undefined;
    if (address) return address;
  }
  return options.clientKey ? await options.clientKey(c) : SHARED_BUCKET;
}

/** `hono-rate-limiter`'s Store over a shared HitCounter, keys prefixed by the bucket. */
function sharedStore(hits: HitCounter, windowMs: number, bucket: string): Store {
  return {
    localKeys: false,
    increment: async (key) => {
      const { totalHits, resetAt } = await hits.increment(`${bucket}:${key}`, windowMs);
      return { totalHits, resetTime: new Date(resetAt) };
    },
    decrement: (key) => hits.decrement(`${bucket}:${key}`),
    resetKey: (key) => hits.reset(`${bucket}:${key}`),
  };
}

function limiter(
  limit: Limit,
  keyGenerator: (c: Context) => string | Promise<string>,
  hits: HitCounter | undefined,
  bucket: string,
): MiddlewareHandler {
  if (limit === false) return (_c, next) => next();
  return rateLimiter({
    windowMs: limit.windowMs,
    limit: limit.limit,
    ...(hits && { store: sharedStore(hits, limit.windowMs, bucket) }),
    standardHeaders: 'draft-7',
    keyGenerator,
    handler: (c: Context) => {
      const resetTime = (c.get('rateLimit') as { resetTime?: Date } | undefined)?.resetTime;
      const seconds = resetTime ? (resetTime.getTime() - Date.now()) / 1000 : limit.windowMs / 1000;
      throw new ProxyError('rate_limited', 'Too many requests', {
        retryable: true,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) },
      });
    },
  });
}

/** The middleware: the server bucket when `c.get('server')` is set (by the engine, before it), else the client's. */
export function inboundRateLimit(options: Options): MiddlewareHandler<ProxyEnv> {
  const hits = options.ledger.store.hits;
  const clients = limiter(options.rateLimit, (c) => clientAddress(c, options), hits, 'client');
  const servers = limiter(options.serverRateLimit ?? DEFAULT_SERVER_RATE_LIMIT, () => SERVER_BUCKET, hits, 'server');
  return (c, next) => (c.get('server') ? servers(c, next) : clients(c, next));
}
