/**
 * `serveFaceIdProxy`: the proxy on Node's HTTP server (`@hono/node-server`). It injects what Node does
 * faster than the Web-standard defaults: `node:crypto` TC3 primitives and undici's transport; and keys the
 * inbound rate limit by the peer's address.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaceIdProxy, IMAGE_BODY_LIMIT, type FaceIdProxyOptions } from '../app/index.js';
import { DEFAULT_HOST } from '../config/defaults.js';
import { ConfigError } from '../config/error.js';
import { nodeTc3Crypto } from './crypto.js';
import { undiciFetch } from './fetch.js';
import { lazyBodyListener } from './listener.js';
import { applyConnectionCap, resolveServerLimits, serverOptions, type NodeServerLimits } from './server-limits.js';
import { gracefulClose, type CloseOptions } from './shutdown.js';

export interface ServeFaceIdProxyOptions extends FaceIdProxyOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  hostname?: string;
  /** Deadlines and the connection cap of the Node server (defaults: README "Node server"). */
  server?: NodeServerLimits;
}

export interface RunningFaceIdProxy {
  /** `http://<host>:<port>` it listens on. */
  url: string;
  /**
   * Stops accepting, drops idle keep-alive connections at once, lets requests in flight finish for
   * `graceMs` (default 5,000 ms) and cuts what is left; resolves once every connection is closed. Repeated calls
   * share the first one's promise. Rejects with a RangeError for a bad `graceMs`.
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Bucket of requests with no socket behind them (in-process `app.request()`). */
export const NO_PEER = 'no-peer';

/** The peer's address on `@hono/node-server`, or NO_PEER when the request came without a socket. */
export function peerAddress(c: Context): string {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (env?.incoming === undefined && env?.server?.incoming === undefined) return NO_PEER;
  return getConnInfo(c).remote.address ?? NO_PEER;
}

/**
 * The options with Node's fast defaults filled in (anything given wins): `node:crypto` TC3 primitives, undici's
 * transport, and the peer address as the rate limit's client key (also for in-process `app.request()`).
 */
export function withNodeDefaults(options: FaceIdProxyOptions): FaceIdProxyOptions {
  return {
    crypto: nodeTc3Crypto,
    fetch: undiciFetch,
    clientKey: peerAddress,
    ...options,
  };
}

/** @throws {ConfigError} naming `port` unless an integer from 0 to 65,535. */
export function checkPort(port: unknown): void {
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65_535) {
    throw new ConfigError('port', 'must be an integer from 0 to 65535');
  }
}

/**
 * Creates the proxy and resolves once it listens.
 * @example
 * const proxy = await serveFaceIdProxy({ ...proxyOptionsFromEnv(process.env), port: 8787 });
 * console.log(proxy.url); // http://127.0.0.1:8787
 * @throws {ConfigError} naming the option (from createFaceIdProxy, `port`, `server.*`), or rejects with what
 * `listen` raises (e.g. EADDRINUSE).
 */
export async function serveFaceIdProxy(options: ServeFaceIdProxyOptions): Promise<RunningFaceIdProxy> {
  const { port = 0, hostname = DEFAULT_HOST, server: serverLimits, ...proxyOptions } = options;
  checkPort(port);
  const limits = resolveServerLimits(serverLimits);
  const app = createFaceIdProxy(withNodeDefaults(proxyOptions));
  const server = createServer(serverOptions(limits), lazyBodyListener(app.fetch, IMAGE_BODY_LIMIT));
  applyConnectionCap(server, limits);
  const close = gracefulClose(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${bound}`,
    close,
  };
}
