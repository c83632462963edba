/**
 * `@faceid-verify/proxy/handler`: the proxy as a module whose default export is `{ fetch(request, env?, ctx?) }`,
 * configured from the `faceid-proxy` CLI's variables (design.md "Configuration"). One file serves it everywhere:
 *
 * ```js
 * // entry.mjs — `bun entry.mjs`, `deno serve entry.mjs`, or `main` of a Cloudflare Worker
 * export { default } from '@faceid-verify/proxy/handler';
 * ```
 *
 * Variables come from the Workers bindings (`env`, string values: `[vars]` and secrets) when the second argument
 * is a bindings object with any; else from `process.env` (Node, Bun, Deno 2) or `Deno.env`. The app is built on
 * the first request for each distinct set of variables and kept. A bad or missing variable answers every request
 * 500 `internal_error` and logs the message naming the variable once (it never reaches the client).
 *
 * The inbound rate limit is keyed by the peer address the runtime reports: Bun's `server.requestIP`, Deno's
 * `info.remoteAddr`, and on Cloudflare Workers the `CF-Connecting-IP` header Cloudflare sets.
 */
import type { ExecutionContext } from 'hono';
import { createFaceIdProxy } from './app/index.js';
import { proxyOptionsFromEnv, type Env } from './config/env.js';

/** What the runtime passes after the request: Workers bindings, Bun's server, or Deno's ServeHandlerInfo. */
type SecondArgument = Record<string, unknown> | undefined;

/** `c.env` of the handler's app: the peer address when the runtime reports one. */
interface HandlerBindings {
  clientAddress: string | undefined;
}

type Built = { app: ReturnType<typeof createFaceIdProxy> } | { failure: Response };

const SHARED_BUCKET = 'all-clients';
const byObject = new WeakMap<object, Built>();
const byValues = new Map<string, Built>();

interface RuntimeGlobals {
  process?: { env?: Env };
  Deno?: { env?: { toObject(): Env } };
  navigator?: { userAgent?: string };
}
const runtime = globalThis as RuntimeGlobals;
const ON_WORKERS = runtime.navigator?.userAgent === 'Cloudflare-Workers';
let processVariables: Env | undefined;

function isBunServer(arg: SecondArgument): arg is { requestIP(request: Request): { address: string } | null } {
  return typeof arg?.['requestIP'] === 'function';
}

function isDenoInfo(arg: SecondArgument): arg is { remoteAddr: { hostname?: string } } {
  return typeof arg?.['remoteAddr'] === 'object' && arg['remoteAddr'] !== null;
}

/** The string entries of a Workers bindings object, or undefined when it has none. */
function workersVariables(arg: SecondArgument): Env | undefined {
  if (arg === undefined || arg === null || isBunServer(arg) || isDenoInfo(arg)) return undefined;
  const entries = Object.entries(arg).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function hostVariables(): Env {
  processVariables ??= runtime.process?.env ?? runtime.Deno?.env?.toObject() ?? {};
  return processVariables;
}

function build(variables: Env): Built {
  try {
    const options = proxyOptionsFromEnv(variables);
    const app = createFaceIdProxy({
      ...options,
      clientKey: (c) => (c.env as HandlerBindings | undefined)?.clientAddress ?? SHARED_BUCKET,
    });
    return { app };
  } catch (error) {
    console.error(`faceid-verify handler: ${(error as Error).message}`);
    const body = { error: { code: 'internal_error', message: 'The proxy is not configured', retryable: false } };
    return { failure: Response.json(body, { status: 500 }) };
  }
}

/** The app for these variables: one per bindings object, and one per distinct set of values. */
function appFor(source: object, variables: Env): Built {
  const known = byObject.get(source);
  if (known) return known;
  const key = JSON.stringify(Object.entries(variables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const built = byValues.get(key) ?? build(variables);
  byValues.set(key, built);
  byObject.set(source, built);
  return built;
}

function clientAddress(request: Request, arg: SecondArgument): string | undefined {
  if (isBunServer(arg)) return arg.requestIP(request)?.address;
  if (isDenoInfo(arg)) return arg.remoteAddr.hostname;
  return ON_WORKERS ? (request.headers.get('cf-connecting-ip') ?? undefined) : undefined;
}

/**
 * Answers one request. `env`: Workers bindings, Bun's `Server` or Deno's `ServeHandlerInfo`; `ctx`: Workers'
 * ExecutionContext. Never throws for a request; configuration errors answer 500 (see the module docs).
 */
function handle(request: Request, env?: object, ctx?: ExecutionContext): Response | Promise<Response> {
  const arg = env as SecondArgument;
  const bindings = workersVariables(arg);
  const built = bindings === undefined ? appFor(hostVariables(), hostVariables()) : appFor(arg as object, bindings);
  if ('failure' in built) return built.failure.clone();
  const context: HandlerBindings = { clientAddress: clientAddress(request, arg) };
  return built.app.fetch(request, context, ctx);
}

export default { fetch: handle };
