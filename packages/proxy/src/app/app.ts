/**
 * `createFaceIdProxy(options)`: the signing proxy as a Hono app (Web APIs only), mounted with
 * `app.route('/faceid', createFaceIdProxy(...))` or served alone. Middleware order, cheapest first: request id,
 * log line, response headers, origin refusal, CORS (browser routes), inbound rate limit, media type, body size,
 * strict schema; only then binding or API key, and last the upstream call.
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { createFaceIdClient } from '../client/index.js';
import { createBindingIssuer } from './binding.js';
import type { ProxyDeps, ProxyEnv } from './context.js';
import { errorResponse, ProxyError, toProxyError } from './errors.js';
import { responseHeaders } from './headers.js';
import { requestLog } from './log.js';
import { resolveProxyOptions } from './options.js';
import { browserCors, originGuard } from './origin.js';
import { inboundRateLimit } from './rate-limit.js';
import { jsonBodyGuards } from './request.js';
import { registerSdkRoutes, SDK_ROUTES } from './routes/sdk.js';
import { registerWebRoutes } from './routes/web.js';
import { BROWSER_BODY_LIMIT } from './schemas.js';
import type { FaceIdProxyOptions } from './types.js';
import { createUpstreamGuard } from './upstream.js';
import type { Handler } from 'hono';

const BROWSER_ROUTES = ['/web/sessions', '/web/results'];

function methodNotAllowed(allow: string): Handler<ProxyEnv> {
  return () => {
    throw new ProxyError('method_not_allowed', `Use ${allow}`, { headers: { Allow: allow } });
  };
}

/**
 * Makes the proxy app. Routes: `POST /web/sessions`, `POST /web/results`, `POST /sdk/tokens`, `POST /sdk/results`,
 * `POST /sdk/verification-results`, `POST /image-recognition`, `GET /health` (design.md).
 * @example
 * const proxy = createFaceIdProxy({ credentials: { secretId, secretKey }, redirectUrls: ['https://app.example.com/kyc'],
 *   bindingSecret: process.env.FACEID_BINDING_SECRET });
 * app.route('/faceid', proxy);
 * @throws {TypeError} naming the option when an option is invalid.
 */
export function createFaceIdProxy(options: FaceIdProxyOptions): Hono<ProxyEnv> {
  const resolved = resolveProxyOptions(options);
  const deps: ProxyDeps = {
    options: resolved,
    client: createFaceIdClient({
      credentials: resolved.credentials,
      region: resolved.region,
      endpoint: resolved.endpoint,
      fetch: resolved.fetch,
      crypto: resolved.crypto,
      timeoutMs: resolved.timeoutMs,
      retries: resolved.retries,
      now: resolved.now,
    }),
    guard: createUpstreamGuard({
      maxConcurrency: resolved.maxConcurrency,
      ratePerSecond: resolved.upstreamRatePerSecond,
      timeoutMs: resolved.timeoutMs,
    }),
    bindings: createBindingIssuer(resolved.bindingSecret, resolved.crypto),
  };
  const app = new Hono<ProxyEnv>();
  app.use(requestId(), requestLog(resolved.logger), responseHeaders, originGuard(resolved.allowedOrigins));
  app.get('/health', (c) => {
    c.set('route', 'health');
    return c.json({ ok: true, upstream: resolved.sandbox ? 'simulator' : 'tencent', region: resolved.region });
  });
  for (const path of BROWSER_ROUTES) app.use(path, browserCors(resolved.allowedOrigins));
  const limit = inboundRateLimit(resolved);
  registerWebRoutes(app, deps, [limit, ...jsonBodyGuards(BROWSER_BODY_LIMIT)]);
  registerSdkRoutes(app, deps, limit);
  for (const path of [...BROWSER_ROUTES, ...SDK_ROUTES]) app.all(path, methodNotAllowed('POST'));
  app.all('/health', methodNotAllowed('GET, HEAD'));
  app.notFound((c) => errorResponse(c, new ProxyError('not_found', 'No such route')));
  app.onError((error, c) => {
    const proxyError = toProxyError(error);
    if (proxyError.details.requestId !== undefined) c.set('upstreamRequestId', proxyError.details.requestId);
    return errorResponse(c, proxyError);
  });
  return app;
}
