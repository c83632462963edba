/**
 * `createFaceIdProxy(options)`: the signing proxy as a Hono app (Web APIs only), mounted with
 * `app.route('/faceid', createFaceIdProxy(...))` or served alone. Every answer passes, cheapest first: request
 * id, log line, response headers, origin refusal; then the route table's rows (routes/table.ts) do the rest.
 */
import { Hono } from 'hono';
import { createFaceIdClient } from '../client/index.js';
import { createBindingIssuer } from './binding.js';
import { createHandoffLinks } from './handoff-link.js';
import type { ProxyDeps, ProxyEnv } from './context.js';
import { errorResponse, ProxyError, toProxyError } from './errors.js';
import { bindUpstreamReader } from './flow-read.js';
import { responseHeaders } from './headers.js';
import { requestLog } from './log.js';
import { resolveProxyOptions } from './options.js';
import { originGuard } from './origin.js';
import { requestId } from './request-id.js';
import { registerRoutes } from './routes/engine.js';
import { ROUTES } from './routes/table.js';
import type { FaceIdProxyOptions } from './types.js';
import { createUpstreamGuard } from './upstream.js';

/** The pacing key prefix of an account: its SecretId (an identifier, not the secret), or '' for a provider. */
function accountKey(credentials: FaceIdProxyOptions['credentials']): string {
  return typeof credentials === 'function' ? '' : `${credentials.secretId}:`;
}

/**
 * Makes the proxy app. Routes (routes/table.ts): `GET /health`, `POST /web/sessions`, `POST /web/results`,
 * `POST /web/results/wait`, `GET /web/return`, `GET /web/handoff/done`, `GET /web/handoff/:bizToken`,
 * `POST /sdk/tokens`, `POST /sdk/results`, `POST /sdk/verification-results`, `POST /image-recognition`, and the
 * API-key ledger routes `GET /flows`, `GET|DELETE /flows/:bizToken`, `POST /flows/:bizToken/redeliver` (design.md).
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
      // On PostgreSQL every instance of one account takes its slots from the same rows.
      ...(resolved.ledger.store.pacer && { pacer: resolved.ledger.store.pacer }),
      account: accountKey(resolved.credentials),
    }),
    bindings: createBindingIssuer(resolved.bindingSecret, resolved.crypto),
    links: createHandoffLinks(resolved.bindingSecret, resolved.crypto),
    ledger: resolved.ledger,
  };
  bindUpstreamReader(deps);
  const app = new Hono<ProxyEnv>();
  app.use(requestId, requestLog(resolved.logger), responseHeaders, originGuard(resolved.allowedOrigins));
  registerRoutes(app, deps, ROUTES);
  app.notFound((c) => errorResponse(c, new ProxyError('not_found', 'No such route')));
  app.onError((error, c) => errorResponse(c, toProxyError(error)));
  return app;
}
