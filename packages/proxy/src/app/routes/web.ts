/**
 * The browser routes of the web flow (design.md "The HTTP contract"):
 * `POST /web/sessions` → ApplyWebVerificationBizTokenIntl (legacy: ApplyWebVerificationToken), 201 WebSession;
 * `POST /web/results` → GetWebVerificationResultIntl (legacy: GetWebVerificationResult), 200 WebVerificationResult.
 * A result is read only with the binding issued for its BizToken and flow, or by an authorised server.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { GetWebVerificationResultIntlResponse, GetWebVerificationResultResponse } from '../../client/index.js';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import { ProxyError } from '../errors.js';
import { BIZ_TOKEN_EXPIRED, expiredWebResult, normaliseWebResult } from '../normalise.js';
import { readBody } from '../request.js';
import { ResultRequestSchema, SessionRequestSchema } from '../schemas.js';
import { authorizeServer, serverRoutesEnabled } from '../server-auth.js';
import type { WebSession } from '../types.js';
import { CALLER_INPUT, callUpstream } from './call.js';
import { startSession } from './web-session.js';

/** BizToken life to start the flow, ms: 10 min (intl), 7,200 s (legacy). faceid-api.md §1.4. */
export const BIZ_TOKEN_TTL_MS = { intl: 10 * 60 * 1000, legacy: 7200 * 1000 } as const;

export function registerWebRoutes(app: Hono<ProxyEnv>, deps: ProxyDeps, guards: MiddlewareHandler[]): void {
  app.post('/web/sessions', every(...guards), (c) => createSession(c, deps));
  app.post('/web/results', every(...guards), (c) => readResult(c, deps));
}

async function createSession(c: Context<ProxyEnv>, deps: ProxyDeps): Promise<Response> {
  c.set('route', 'web.sessions');
  const { options, bindings } = deps;
  const body = await readBody(c, SessionRequestSchema);
  const redirectUrl = options.matchRedirect(body.redirectUrl);
  if (redirectUrl === null) throw new ProxyError('redirect_not_allowed', 'redirectUrl is not a configured return URL');
  const additions = options.beforeSession ? await options.beforeSession(c) : undefined;
  if (additions instanceof Response) return additions;
  const { bizToken, verificationUrl } = await startSession(c, deps, redirectUrl, body.language, additions ?? {});
  const now = options.now();
  const session: WebSession = {
    bizToken,
    verificationUrl,
    expiresAt: new Date(now + BIZ_TOKEN_TTL_MS[options.flow]).toISOString(),
    binding: await bindings.issue(bizToken, options.flow, now, now + options.bindingTtlMs),
  };
  return c.json(session, 201);
}

async function readResult(c: Context<ProxyEnv>, deps: ProxyDeps): Promise<Response> {
  c.set('route', 'web.results');
  const { options, bindings } = deps;
  const { bizToken, binding } = await readBody(c, ResultRequestSchema);
  const refusal = binding === undefined ? await serverOnly(c, deps) : undefined;
  if (refusal) return refusal;
  if (binding !== undefined && !(await bindings.verify(binding, bizToken, options.flow, options.now()))) {
    throw new ProxyError('binding_invalid', 'The binding does not match this BizToken');
  }
  const action = options.flow === 'intl' ? 'GetWebVerificationResultIntl' : 'GetWebVerificationResult';
  try {
    const reply = await callUpstream<GetWebVerificationResultIntlResponse | GetWebVerificationResultResponse>(
      c,
      deps,
      action,
      (client, call) =>
        options.flow === 'intl'
          ? client.getWebVerificationResultIntl({ BizToken: bizToken }, call)
          : client.getWebVerificationResult({ BizToken: bizToken }, call),
      CALLER_INPUT,
    );
    return c.json(normaliseWebResult(reply, options.media));
  } catch (error) {
    if (!(error instanceof ProxyError) || error.details.upstreamCode !== BIZ_TOKEN_EXPIRED) throw error;
    const requestId = error.details.requestId ?? '';
    c.set('upstreamRequestId', requestId);
    return c.json(expiredWebResult(requestId, 'BizToken expired'));
  }
}

/** Without a binding only an authorised server may read; anyone else gets 403 binding_invalid. */
async function serverOnly(c: Context<ProxyEnv>, deps: ProxyDeps): Promise<Response | undefined> {
  const verdict = serverRoutesEnabled(deps.options) ? await authorizeServer(c, deps.options) : false;
  if (verdict instanceof Response) return verdict;
  if (!verdict) throw new ProxyError('binding_invalid', 'A binding is required');
  return undefined;
}
