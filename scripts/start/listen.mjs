// Listening with clear errors: a busy port names the variable that moves it.
import { createAdaptorServer } from '@hono/node-server';
import { createServer } from 'node:net';
import { StartError } from './config.mjs';

/**
 * Fails fast, before any work, when a fixed port is already taken.
 * @param {number} port 0 passes at once.
 * @param {string} hostname
 * @param {string} variable The environment variable that sets this port.
 * @returns {Promise<void>}
 * @throws {StartError}
 */
export function assertPortFree(port, hostname, variable) {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(listenError(error, port, hostname, variable)));
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}

/**
 * Serves a Fetch handler with @hono/node-server on hostname:port.
 * @param {(request: Request, env: unknown) => Response | Promise<Response>} fetch
 * @param {{ port: number, hostname: string, variable: string }} where
 * @returns {Promise<{ port: number, close(): Promise<void> }>}
 * @throws {StartError} when the port is busy or not allowed.
 */
export function listen(fetch, { port, hostname, variable }) {
  const server = createAdaptorServer({ fetch });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, port, hostname, variable)));
    server.listen(port, hostname, () => {
      const address = server.address();
      const close = () =>
        new Promise((done) => {
          server.close(() => done(undefined));
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
      resolve({ port: typeof address === 'object' && address ? address.port : port, close });
    });
  });
}

/**
 * @param {unknown} error
 * @param {number} port
 * @param {string} hostname
 * @param {string} variable
 */
function listenError(error, port, hostname, variable) {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === 'EADDRINUSE') {
    return new StartError(
      `Port ${port} on ${hostname} is already in use. Stop what is using it, or choose another port: ${variable}=${port + 10} npm start`,
    );
  }
  if (code === 'EACCES') {
    return new StartError(`Port ${port} needs privileges here: choose a port above 1023 with ${variable}.`);
  }
  return error;
}
