/**
 * The graceful close of the proxy's Node HTTP server. `server.close()` alone waits for every connection, and a
 * keep-alive client (Vite's dev proxy, any `http.Agent({ keepAlive: true })`, undici) holds idle ones open until
 * the keep-alive timeout or longer; cutting every connection at once drops requests in flight. So: stop accepting,
 * drop idle connections at once and each one as its last response is sent, and cut what is left after a grace.
 */
import type { Server } from 'node:http';

/** How long `close()` lets requests in flight finish before it cuts their connections, ms. */
export const DEFAULT_CLOSE_GRACE_MS = 5_000;

export interface CloseOptions {
  /**
   * Requests in flight get this long to finish, ms (default DEFAULT_CLOSE_GRACE_MS); then their connections are
   * cut. 0 cuts them at once.
   */
  graceMs?: number;
}

/** Stops accepting, resolves once every connection is closed (rejects with what `server.close` reports). */
export type CloseServer = (options?: CloseOptions) => Promise<void>;

/**
 * Watches the responses `server` sends (call before it listens) and returns its close function; later calls
 * return the first call's promise.
 * @throws {RangeError} (the close rejects) when `graceMs` is not a finite number ≥ 0.
 */
export function gracefulClose(server: Server): CloseServer {
  let closing: Promise<void> | undefined;
  server.on('request', (_request, response) => {
    response.once('close', () => {
      // Its connection is idle now (unless another request is on it): drop it rather than wait for the client.
      if (closing) server.closeIdleConnections();
    });
  });
  return ({ graceMs = DEFAULT_CLOSE_GRACE_MS } = {}) => {
    if (!Number.isFinite(graceMs) || graceMs < 0) {
      return Promise.reject(new RangeError(`graceMs must be a finite number >= 0, got ${graceMs}`));
    }
    closing ??= new Promise<void>((resolve, reject) => {
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close((error) => {
        clearTimeout(cut);
        if (error) reject(error);
        else resolve();
      });
      // A connection still sending its request head is not idle: it gets the grace too.
      if (graceMs === 0) server.closeAllConnections();
      else server.closeIdleConnections();
    });
    return closing;
  };
}
