/**
 * Origin rules (security rule 5). `cors()` never rejects anything, so the refusal is explicit: an unsafe
 * request (not GET/HEAD/OPTIONS) carrying an Origin outside the allowlist gets 403 `origin_not_allowed`,
 * whatever CORS headers would say. Requests without Origin (servers, curl) pass: browsers always send one
 * on a cross-origin or same-origin POST. CORS answers only with the allowlisted string itself, never an echo.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ProxyError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 403 for unsafe requests from a foreign Origin (including `null`). */
export function originGuard(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !SAFE_METHODS.has(c.req.method) && !allowed.has(origin)) {
      // The message names the fix: the element logs it for the operator.
      throw new ProxyError(
        'origin_not_allowed',
        'This origin may not call the proxy: add it to allowedOrigins (FACEID_ALLOWED_ORIGINS)',
      );
    }
    await next();
  };
}

const EXPOSE_HEADERS = 'X-Request-Id,Retry-After';

/**
 * CORS for the browser routes: POST with a JSON body from allowlisted origins, no credentials. Preflights go
 * through `hono/cors`; on the POST itself the same headers are set before the handler, because `cors()` edits
 * the response after `next()`, which costs a full Response copy per call on `@hono/node-server`.
 */
export function browserCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Map(allowedOrigins.map((origin) => [origin, origin]));
  const preflight = cors({
    origin: (origin) => allowed.get(origin) ?? null,
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type'],
    exposeHeaders: EXPOSE_HEADERS.split(','),
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const allowOrigin = allowed.get(c.req.header('origin') ?? '');
    if (allowOrigin !== undefined) {
      c.header('Access-Control-Allow-Origin', allowOrigin);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    c.header('Vary', 'Origin');
    await next();
  };
}
