/** `@faceid-verify/simulator/node`: serve the simulator on Node with `@hono/node-server`. */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { nodeTc3Crypto } from '@faceid-verify/proxy/node';
import type { Hono } from 'hono';
import { createSimulator } from './app.js';
import type { SimulatorOptions } from './types.js';

export interface ServeSimulatorOptions extends Omit<SimulatorOptions, 'publicUrl'> {
  /** Default: the listening URL. */
  publicUrl?: string;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  hostname?: string;
}

export interface RunningSimulator {
  /** `http://<host>:<port>` it listens on. */
  url: string;
  /** Stops listening and drops open connections (including hung fault requests). */
  close(): Promise<void>;
}

function urlHost(hostname: string): string {
  return hostname.includes(':') ? `[${hostname}]` : hostname;
}

/**
 * Starts the simulator and resolves once it listens.
 * @example
 * const sim = await serveSimulator({ testControls: true });
 * // … point FACEID_ENDPOINT at sim.url …
 * await sim.close();
 * @throws whatever `listen` raises (e.g. EADDRINUSE), and `createSimulator`'s option errors.
 */
export async function serveSimulator(options: ServeSimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, hostname = '127.0.0.1', publicUrl, ...given } = options;
  const rest = { crypto: nodeTc3Crypto, ...given };
  let app: Hono | undefined;
  if (publicUrl !== undefined) app = createSimulator({ ...rest, publicUrl });
  const server: ServerType = await new Promise((resolve, reject) => {
    const created = serve({ fetch: (request) => app!.fetch(request), port, hostname }, () => resolve(created));
    created.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(hostname)}:${address.port}`;
  app ??= createSimulator({ ...rest, publicUrl: url });
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
