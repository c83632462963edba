/**
 * Response headers of every answer: the set `hono/secure-headers` sends by default, a CSP for a JSON API,
 * and `Cache-Control: no-store` (answers carry tokens and bindings). Set before the handler runs: headers
 * changed after `next()` make `@hono/node-server` copy the whole Response (measured: half the throughput
 * with `secureHeaders()`, a quarter with an after-`next()` Cache-Control), which the proxy's CPU budget forbids.
 */
import type { MiddlewareHandler } from 'hono';

export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

const ENTRIES = Object.entries(RESPONSE_HEADERS);

export const responseHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of ENTRIES) c.header(name, value);
  await next();
};
