/**
 * `createNodeHandler(options)`: the proxy as one function for Node's HTTP frameworks, called the way each one calls
 * its handlers: node:http `(req, res)`, Express 5 / Connect `(req, res, next)`, Fastify `(request, reply)` and Koa
 * `(ctx, next)`. It answers with `@hono/node-server` and Node's fast defaults (`withNodeDefaults`).
 *
 * A body a parser already consumed is used as it was left: `req.rawBody` (bytes or text) when present, else
 * `req.body` (bytes, text, or parsed JSON, which is serialised again); on Koa `ctx.request.rawBody` / `.body`.
 * So `express.json()`, Fastify's JSON parser or `@koa/bodyparser` in front of the proxy is fine. Without any, the
 * body is read from the stream.
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createFaceIdProxy, IMAGE_BODY_LIMIT, type FaceIdProxyOptions } from '../app/index.js';
import { MOUNT_PATH } from '../app/public-base.js';
import { lazyBodyListener } from './listener.js';
import { withNodeDefaults } from './serve.js';

export interface NodeHandlerOptions extends FaceIdProxyOptions {
  /**
   * The path the proxy answers under when the framework passes the full URL (node:http, Fastify, Koa without
   * koa-mount), e.g. `/faceid`. Requests outside it go to `next()` (404 without one). Express's `app.use('/faceid',
   * handler)` strips its mount path itself: leave this unset there.
   */
  prefix?: string;
}

type Next = (error?: unknown) => unknown;
interface FastifyRequestLike {
  raw: IncomingMessage;
  body?: unknown;
}
interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): void;
}
interface KoaContextLike {
  req: IncomingMessage;
  res: ServerResponse;
  request: { body?: unknown; rawBody?: unknown };
  respond?: boolean;
}

/** The one function; each framework's call shape is recognised from its arguments. */
export type NodeHandler = {
  (req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void>;
  (request: FastifyRequestLike, reply: FastifyReplyLike): Promise<void>;
  (ctx: KoaContextLike, next: Next): Promise<void>;
};

interface Call {
  incoming: IncomingMessage & { body?: unknown; rawBody?: unknown };
  outgoing: ServerResponse;
  parsed: { body?: unknown; rawBody?: unknown };
  next: Next | undefined;
  /** Tells the framework the proxy answers this request itself (Koa: `ctx.respond = false`). */
  claim: () => void;
}

const nothing = () => undefined;

function normalise(a: unknown, b: unknown, c: unknown): Call {
  const first = a as Partial<KoaContextLike & FastifyRequestLike>;
  if (first.req && first.res && first.request) {
    const ctx = a as KoaContextLike;
    // Only for a request the proxy answers: a path handed to next() is still Koa's to respond to.
    const claim = () => void (ctx.respond = false);
    return { incoming: ctx.req, outgoing: ctx.res, parsed: ctx.request, next: b as Next, claim };
  }
  if (first.raw && typeof (b as Partial<FastifyReplyLike>).hijack === 'function') {
    const reply = b as FastifyReplyLike;
    reply.hijack();
    return { incoming: first.raw, outgoing: reply.raw, parsed: first, next: undefined, claim: nothing };
  }
  const incoming = a as Call['incoming'];
  return { incoming, outgoing: b as ServerResponse, parsed: incoming, next: c as Next | undefined, claim: nothing };
}

/** The bytes a body parser left behind, or undefined when the stream is still unread. */
function consumedBody({ body, rawBody }: Call['parsed']): Buffer | undefined {
  for (const value of [rawBody, body]) {
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    if (typeof value === 'string') return Buffer.from(value, 'utf8');
  }
  return body === undefined || body === null ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
}

/** The URL relative to `prefix`, or null when outside it. */
function withinPrefix(url: string, prefix: string | undefined): string | null {
  if (prefix === undefined || prefix === '' || prefix === '/') return url;
  if (url === prefix || url.startsWith(`${prefix}?`)) return `/${url.slice(prefix.length)}`;
  return url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : null;
}

/**
 * Makes the handler; the app is built once, here.
 * @example
 * const faceid = createNodeHandler({ ...proxyOptionsFromEnv(process.env) });
 * expressApp.use('/faceid', faceid);                          // Express 5, after express.json() is fine
 * fastify.all('/faceid/*', createNodeHandler({ ...options, prefix: '/faceid' }));
 * @throws {TypeError} for bad options (from createFaceIdProxy).
 */
export function createNodeHandler(options: NodeHandlerOptions): NodeHandler {
  const { prefix, ...proxyOptions } = options;
  const app = createFaceIdProxy(withNodeDefaults(proxyOptions));
  const streaming = lazyBodyListener(app.fetch, IMAGE_BODY_LIMIT);
  const preRead = getRequestListener(app.fetch);
  const handler = async (a: unknown, b?: unknown, c?: unknown): Promise<void> => {
    const call = normalise(a, b, c);
    const url = withinPrefix(call.incoming.url ?? '/', prefix);
    if (url === null && call.next) {
      await call.next();
      return;
    }
    call.claim();
    if (url === null) {
      streaming(call.incoming, call.outgoing);
      return;
    }
    call.incoming.url = url;
    // The proxy's pages and handoff link are under the path taken off here (or by Express's mount).
    const mount = prefix ?? (call.incoming as { baseUrl?: unknown }).baseUrl;
    (call.incoming as unknown as Record<symbol, unknown>)[MOUNT_PATH] =
      typeof mount === 'string' ? mount.replace(/\/+$/, '') : '';
    const answered = new Promise<void>((resolve) => call.outgoing.once('close', resolve));
    const body = consumedBody(call.parsed);
    if (body === undefined) streaming(call.incoming, call.outgoing);
    else void preRead(Object.assign(call.incoming, { rawBody: body }), call.outgoing);
    await answered;
  };
  return handler as NodeHandler;
}
