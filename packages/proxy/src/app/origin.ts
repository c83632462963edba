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
      throw new ProxyError('origin_not_allowed', 'This origin may not call the proxy');
    }
    await next();
  };
}

/** CORS for the browser routes: POST with a JSON body from allowlisted origins, no credentials. */
export function browserCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Map(allowedOrigins.map((origin) => [origin, origin]));
  return cors({
    origin: (origin) => allowed.get(origin) ?? null,
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}
