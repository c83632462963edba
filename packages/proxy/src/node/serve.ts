/**
 * `serveFaceIdProxy`: the proxy on Node's HTTP server (`@hono/node-server`). It injects what Node does
 * faster than the Web-standard defaults: `node:crypto` TC3 primitives and undici's transport; and keys the
 * inbound rate limit by the peer's address.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaceIdProxy, ROUTES, routeBodyLimit, type FaceIdProxyOptions } from '../app/index.js';
import { nodeTc3Crypto } from './crypto.js';
import { undiciFetch } from './fetch.js';
import { preReadingListener } from './listener.js';

export interface ServeFaceIdProxyOptions extends FaceIdProxyOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  hostname?: string;
}

export interface RunningFaceIdProxy {
  /** `http://<host>:<port>` it listens on. */
  url: string;
  /** Stops accepting, drops idle and open connections, resolves when closed. */
  close(): Promise<void>;
}

/** The options with Node's fast defaults filled in (anything given wins). */
export function withNodeDefaults(options: FaceIdProxyOptions): FaceIdProxyOptions {
  return {
    crypto: nodeTc3Crypto,
    fetch: undiciFetch,
    // In-process `app.request()` has no socket (no `c.env.incoming`): one bucket for those calls.
    clientKey: (c) => (c.env?.incoming ? getConnInfo(c).remote.address : undefined) ?? 'in-process',
    ...options,
  };
}

/**
 * Creates the proxy and resolves once it listens.
 * @example
 * const proxy = await serveFaceIdProxy({ ...proxyOptionsFromEnv(process.env), port: 8787 });
 * console.log(proxy.url); // http://127.0.0.1:8787
 * @throws {TypeError} for bad options (from createFaceIdProxy), or what `listen` raises (e.g. EADDRINUSE).
 */
export async function serveFaceIdProxy(options: ServeFaceIdProxyOptions): Promise<RunningFaceIdProxy> {
  const { port = 0, hostname = '127.0.0.1', ...proxyOptions } = options;
  const app = createFaceIdProxy(withNodeDefaults(proxyOptions));
  const server = createServer(preReadingListener(app.fetch, (method, path) => routeBodyLimit(ROUTES, method, path)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
