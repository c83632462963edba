/**
 * The request id of every answer (`X-Request-Id`) and log line. A caller's id is taken only in a strict format
 * (8–64 of `A-Z a-z 0-9 . _ -`), so nothing odd reaches the logs; anything else gets a fresh UUID.
 */
import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from './context.js';

export const REQUEST_ID_FORMAT = /^[A-Za-z0-9._-]{8,64}$/;

export const requestId: MiddlewareHandler<ProxyEnv> = async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = given !== undefined && REQUEST_ID_FORMAT.test(given) ? given : crypto.randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};
