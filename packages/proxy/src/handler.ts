/**
 * `@faceid-verify/proxy/handler`: the proxy as a module whose default export is
 * `{ fetch(request, env?, ctx?), scheduled(controller, env?, ctx?) }`, configured from the `faceid-proxy` CLI's
 * variables (design.md "Configuration"). One file serves it everywhere:
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
 * The flow ledger:
 * - FACEID_DATABASE_URL unset: in memory, per isolate (per process on Bun and Deno). Terminal reads are answered
 *   from it while the isolate lives; nothing re-reads pending flows and no webhooks are sent (FACEID_WEBHOOK_URL
 *   is ignored, with a warning). `scheduled` logs that there is no durable ledger and does nothing.
 * - FACEID_DATABASE_URL=`postgres://…` or `postgresql://…`: durable, in PostgreSQL (`file:` SQLite is the CLI's
 *   and answers 500 like any bad variable). On the first request (or Cron Trigger) the handler connects, migrates,
 *   creates the ledger as `faceid-proxy` does (FACEID_RETENTION_DAYS; a flow's first re-read after
 *   min(15 s, FACEID_RECONCILE_INTERVAL_MS)), keeps the sandbox's binding secret in it when FACEID_BINDING_SECRET is
 *   unset, and builds the app on it; concurrent first requests wait for the same build. When PostgreSQL cannot be
 *   reached the request answers 503 `store_unavailable` (retryable), the error is logged and the next request
 *   tries again. On Workers each request and each `scheduled` run opens its own connections (a socket cannot
 *   outlive its request there; store/postgres-per-request.ts) and closes them through `ctx.waitUntil`; on Bun and
 *   Deno one pool is shared.
 *
 * `scheduled(controller, env, ctx)`: the Workers Cron Trigger (`[triggers] crons = ["* * * * *"]` in
 * wrangler.toml). With a durable ledger it runs one bounded `runLedgerPass` (ledger/pass.ts): re-reads at most 20
 * due pending flows, delivers the due webhooks (FACEID_WEBHOOK_URL, FACEID_WEBHOOK_SECRET, FACEID_WEBHOOK_RETRY_MS)
 * and prunes results past retention. It hands the pass to `ctx.waitUntil` and returns it: a promise of the
 * LedgerPassReport, or of null when there is nothing to run (no database, bad configuration: logged). It rejects
 * when PostgreSQL cannot be reached (StoreUnavailableError or the driver's error), so the Cron run shows failed;
 * the next run tries again. The `postgres` driver's Workers build needs `compatibility_flags = ["nodejs_compat"]`.
 *
 * The inbound rate limit is keyed by the peer address the runtime reports: Bun's `server.requestIP`, Deno's
 * `info.remoteAddr`, and on Cloudflare Workers the `CF-Connecting-IP` header Cloudflare sets.
 */
import type { ExecutionContext } from 'hono';
import { createFaceIdProxy } from './app/index.js';
import { upstreamReaderOf } from './app/flow-read.js';
import { proxyOptionsFromEnv, readVariable, type Env } from './config/env.js';
import { EnvError } from './config/error.js';
import { describePostgres, ledgerEnvFromEnv } from './config/ledger-env.js';
import { openDurableProxy, type DurableProxy, type DurableSettings, type WaitUntil } from './handler-ledger.js';
import { runLedgerPass, type LedgerPassReport } from './ledger/pass.js';

/** What the runtime passes after the request: Workers bindings, Bun's server, or Deno's ServeHandlerInfo. */
type SecondArgument = Record<string, unknown> | undefined;

/** `c.env` of the handler's app: the peer address when the runtime reports one. */
interface HandlerBindings {
  clientAddress: string | undefined;
}

/** What Workers pass to `scheduled` (ScheduledController); only logged. */
export interface ScheduledEvent {
  scheduledTime: number;
  cron: string;
}

/** The durable app, built on first use; a failed build is forgotten so the next caller tries again. */
interface LazyDurable {
  get(waitUntil: WaitUntil | undefined): Promise<DurableProxy>;
}

type Built =
  { app: ReturnType<typeof createFaceIdProxy> } | { durable: LazyDurable } | { failure: Response; message: string };

const SHARED_BUCKET = 'all-clients';
const byObject = new WeakMap<object, Built>();
const byValues = new Map<string, Built>();
const LOG = 'faceid-verify handler:';
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

const clientKey = (c: { env: unknown }) => (c.env as HandlerBindings | undefined)?.clientAddress ?? SHARED_BUCKET;

function errorResponse(status: number, code: string, message: string, retryable: boolean): Response {
  return Response.json({ error: { code, message, retryable } }, { status });
}

function lazyDurable(options: Parameters<typeof openDurableProxy>[0], settings: DurableSettings): LazyDurable {
  let opening: Promise<DurableProxy> | undefined;
  return {
    get: (waitUntil) => {
      opening ??= openDurableProxy(options, settings, { perRequest: ON_WORKERS, waitUntil }).catch((error) => {
        opening = undefined;
        const where = describePostgres(settings.database.url);
        console.error(`${LOG} cannot open FACEID_DATABASE_URL (${where}): ${String(error)}`);
        throw error;
      });
      return opening;
    },
  };
}

function build(variables: Env): Built {
  try {
    const options = { ...proxyOptionsFromEnv(variables), clientKey };
    if (readVariable(variables, 'FACEID_DATABASE_URL') === undefined) {
      if (readVariable(variables, 'FACEID_WEBHOOK_URL') !== undefined)
        console.warn(`${LOG} FACEID_WEBHOOK_URL is ignored without FACEID_DATABASE_URL (postgres://…)`);
      return { app: createFaceIdProxy(options) };
    }
    const settings = ledgerEnvFromEnv(variables, { sandbox: options.sandbox === true });
    const { database } = settings;
    if (database?.kind !== 'postgres')
      throw new EnvError(
        'FACEID_DATABASE_URL',
        'databaseUrl',
        'must be postgres:// or postgresql:// for the handler (file: SQLite is for the faceid-proxy CLI)',
      );
    return { durable: lazyDurable(options, { ...settings, database }) };
  } catch (error) {
    const message = (error as Error).message;
    console.error(`${LOG} ${message}`);
    return { failure: errorResponse(500, 'internal_error', 'The proxy is not configured', false), message };
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

function builtFor(env: object | undefined): Built {
  const arg = env as SecondArgument;
  const bindings = workersVariables(arg);
  return bindings === undefined ? appFor(hostVariables(), hostVariables()) : appFor(arg as object, bindings);
}

function waitUntilOf(ctx: { waitUntil(promise: Promise<unknown>): void } | undefined): WaitUntil | undefined {
  return ctx && ((promise) => ctx.waitUntil(promise));
}

async function serveDurable(
  lazy: LazyDurable,
  request: Request,
  context: HandlerBindings,
  ctx: ExecutionContext | undefined,
): Promise<Response> {
  const waitUntil = waitUntilOf(ctx);
  let proxy: DurableProxy;
  try {
    proxy = await lazy.get(waitUntil);
  } catch {
    return errorResponse(503, 'store_unavailable', 'The flow store is unavailable; try again', true);
  }
  return proxy.run(async () => proxy.app.fetch(request, context, ctx), waitUntil);
}

/**
 * Answers one request. `env`: Workers bindings, Bun's `Server` or Deno's `ServeHandlerInfo`; `ctx`: Workers'
 * ExecutionContext. Never throws for a request; configuration errors answer 500, an unreachable database 503
 * (see the module docs).
 */
function handle(request: Request, env?: object, ctx?: ExecutionContext): Response | Promise<Response> {
  const built = builtFor(env);
  if ('failure' in built) return built.failure.clone();
  const context: HandlerBindings = { clientAddress: clientAddress(request, env as SecondArgument) };
  if ('durable' in built) return serveDurable(built.durable, request, context, ctx);
  return built.app.fetch(request, context, ctx);
}

async function pass(lazy: LazyDurable, waitUntil: WaitUntil | undefined): Promise<LedgerPassReport> {
  const proxy = await lazy.get(waitUntil);
  const { ledger, settings } = proxy;
  return proxy.run(
    () =>
      runLedgerPass({
        ledger,
        readResult: upstreamReaderOf(ledger),
        ...(settings.webhook && { webhook: settings.webhook }),
        prune: true,
      }),
    waitUntil,
  );
}

/**
 * The Cron Trigger: one bounded ledger pass for these variables (see the module docs), handed to `ctx.waitUntil`
 * and returned. Resolves with the pass's report, or null when there is no durable ledger or the configuration is
 * bad (both logged). @throws (rejects) when PostgreSQL cannot be reached.
 */
function scheduled(
  _controller?: ScheduledEvent,
  env?: object,
  ctx?: { waitUntil(promise: Promise<unknown>): void },
): Promise<LedgerPassReport | null> {
  const built = builtFor(env);
  let running: Promise<LedgerPassReport | null>;
  if ('durable' in built) running = pass(built.durable, waitUntilOf(ctx));
  else {
    const why = 'failure' in built ? built.message : 'no durable ledger (FACEID_DATABASE_URL unset): nothing to run';
    console.warn(`${LOG} scheduled: ${why}`);
    running = Promise.resolve(null);
  }
  ctx?.waitUntil(running);
  return running;
}

export default { fetch: handle, scheduled };
