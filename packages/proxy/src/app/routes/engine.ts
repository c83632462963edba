/**
 * Executes the route table: for each row one Hono handler (cheapest steps first: route name, the API key from
 * headers, the inbound rate bucket it picks, server authorisation, then the body, up to the row's limit only, its strict
 * schema, the browser binding, and last the upstream call of the configured flow and its outcome), CORS on
 * browser rows, and a 405 naming the methods a path has. Unknown paths never reach a row: nothing is read.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import { ProxyError } from '../errors.js';
import { browserCors } from '../origin.js';
import { inboundRateLimit } from '../rate-limit.js';
import { readJsonBody } from '../request.js';
import { apiKeyMatches, hasBearer, serverRoutesEnabled } from '../server-auth.js';
import type { Answer, Route, RouteInput, UpstreamStep } from './route.js';

const unauthorized = () =>
  new ProxyError('unauthorized', 'A valid API key is required', { headers: { 'WWW-Authenticate': 'Bearer' } });

/** Server rows, after the rate limit: the API key (checked before it) or the `authorize` hook, else 401. */
async function serverGate(c: Context<ProxyEnv>, deps: ProxyDeps): Promise<Response | undefined> {
  if (c.get('server')) return undefined;
  const verdict = deps.options.authorize ? await deps.options.authorize(c) : false;
  if (verdict instanceof Response) return verdict;
  if (verdict !== true) throw unauthorized();
  c.set('server', true);
  return undefined;
}

/**
 * Browser proof: a binding issued for this BizToken and flow, or, without one, an authorised server: a wrong
 * API key is 401 `unauthorized`, no key at all 403 `binding_invalid`.
 */
async function checkBinding(
  c: Context<ProxyEnv>,
  deps: ProxyDeps,
  proof: { bizToken: string; binding?: string | undefined },
): Promise<Response | undefined> {
  const { options, bindings } = deps;
  if (proof.binding !== undefined) {
    if (await bindings.verify(proof.binding, proof.bizToken, options.flow, options.now())) return undefined;
    throw new ProxyError('binding_invalid', 'The binding does not match this BizToken');
  }
  if (c.get('server')) return undefined;
  const enabled = serverRoutesEnabled(options);
  const verdict = enabled && options.authorize ? await options.authorize(c) : false;
  if (verdict instanceof Response) return verdict;
  if (verdict === true) return undefined;
  if (enabled && hasBearer(c)) throw unauthorized();
  throw new ProxyError('binding_invalid', 'A binding is required');
}

function send(c: Context<ProxyEnv>, answer: Answer, status: number): Response {
  return answer instanceof Response ? answer : c.json(answer, status as 200);
}

/** The row's upstream step for the configured flow: map, call under the guard, normalise or answer a verdict. */
async function callUpstream(input: RouteInput<unknown>, step: UpstreamStep<unknown>): Promise<Answer> {
  const { c, deps } = input;
  const request = await step.request(input);
  if (request instanceof Response) return request;
  c.set('action', step.action);
  let reply: { RequestId: string };
  try {
    // Not passing c.req.raw.signal on purpose: reading it makes @hono/node-server build a full Request per call
    // (~13 % of the proxy's CPU per call, measured). The route deadline still bounds every FaceID call.
    reply = await deps.guard(step.action, (options) => deps.client.call(step.action, request as never, options));
  } catch (error) {
    const { verdict, upstreamCode, requestId = '' } = error instanceof ProxyError ? error.details : {};
    if (verdict === undefined || step.verdict === undefined || upstreamCode === undefined) throw error;
    c.set('upstreamRequestId', requestId);
    return step.verdict({ verdict, upstreamCode, requestId }, input);
  }
  c.set('upstreamRequestId', reply.RequestId);
  return step.answer(reply as never, input);
}

function handler(row: Route, deps: ProxyDeps, limit: MiddlewareHandler<ProxyEnv>): MiddlewareHandler<ProxyEnv> {
  const upstream = row.upstream;
  const flowStep = upstream === undefined || 'action' in upstream ? upstream : upstream[deps.options.flow];
  return async (c) => {
    c.set('route', row.name);
    const { options } = deps;
    if (row.kind === 'server' && !serverRoutesEnabled(options)) throw new ProxyError('not_found', 'No such route');
    // The API key (headers only) picks the rate bucket; wrong keys count against the caller's own bucket.
    if (row.kind !== 'public' && hasBearer(c) && (await apiKeyMatches(c, options))) c.set('server', true);
    // Public rows (health, pages) are not limited: monitors poll them and they cost nothing upstream.
    const limited = row.kind === 'public' ? undefined : await limit(c, async () => undefined);
    if (limited) return limited;
    const refusal = row.kind === 'server' ? await serverGate(c, deps) : undefined;
    if (refusal) return refusal;
    const body = row.schema === undefined ? undefined : await readJsonBody(c, row.schema, row.bodyLimit ?? 0);
    const input: RouteInput<unknown> = { c, deps, body, params: c.req.param() as Record<string, string> };
    const proof = row.binding?.(body);
    const denial = proof === undefined ? undefined : await checkBinding(c, deps, proof);
    if (denial) return denial;
    const status = row.status ?? 200;
    if (flowStep !== undefined) return send(c, await callUpstream(input, flowStep), status);
    if (row.respond !== undefined) return send(c, await row.respond(input), status);
    throw new ProxyError('not_found', 'No such route');
  };
}

function methodNotAllowed(allow: string): MiddlewareHandler<ProxyEnv> {
  return () => {
    throw new ProxyError('method_not_allowed', `Use ${allow}`, { headers: { Allow: allow } });
  };
}

/** Registers every row, CORS on browser paths, then one 405 per path naming its methods (GET implies HEAD). */
export function registerRoutes(app: Hono<ProxyEnv>, deps: ProxyDeps, routes: readonly Route[]): void {
  const limit = inboundRateLimit(deps.options);
  const methods = new Map<string, string[]>();
  for (const row of routes) {
    if (row.kind === 'browser' && !methods.has(row.path)) app.use(row.path, browserCors(deps.options.allowedOrigins));
    app.on(row.method, row.path, handler(row, deps, limit));
    const allowed = methods.get(row.path) ?? [];
    methods.set(row.path, [...allowed, row.method, ...(row.method === 'GET' ? ['HEAD'] : [])]);
  }
  for (const [path, allowed] of methods) app.all(path, methodNotAllowed(allowed.join(', ')));
}

/**
 * The body limit of the row `method` + `pathname` would match, bytes; 0 for unknown routes and rows without a
 * body. For server adapters that read bodies ahead (the Node listener): nothing is read for an unknown route.
 */
export function routeBodyLimit(routes: readonly Route[], method: string, pathname: string): number {
  for (const row of routes) {
    if (row.method === method && patternOf(row.path).test(pathname)) return row.schema ? (row.bodyLimit ?? 0) : 0;
  }
  return 0;
}

const patterns = new Map<string, RegExp>();
function patternOf(path: string): RegExp {
  let pattern = patterns.get(path);
  if (pattern === undefined) {
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+');
    patterns.set(path, (pattern = new RegExp(`^${source}$`)));
  }
  return pattern;
}
