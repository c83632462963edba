/**
 * The Node HTTP server's own limits (security: a client that sends slowly, idles or opens connections by the
 * thousand holds sockets and memory, not the upstream). Defaults in ../config/defaults.ts; README "Node server".
 */
import type { Server, ServerOptions } from 'node:http';
import * as D from '../config/defaults.js';
import { ConfigError } from '../config/error.js';

export interface NodeServerLimits {
  /** The request head must arrive within this, ms (Node `headersTimeout`). Default 10,000. */
  headersTimeoutMs?: number;
  /** The whole request, head and body, within this, ms (Node `requestTimeout`), at most 30,000. Default 30,000. */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection closes after this, ms (Node `keepAliveTimeout`; Node adds 1 s grace). Default 5,000. */
  keepAliveTimeoutMs?: number;
  /** Open connections at most (Node `server.maxConnections`); beyond, new ones are closed at once. Default 1,024. */
  maxConnections?: number;
}

/** How often Node checks the head and request deadlines, ms: the cut comes at most this late. */
export const CONNECTIONS_CHECK_INTERVAL_MS = 1_000;
/** The longest `requestTimeoutMs` accepted, ms. */
export const MAX_REQUEST_TIMEOUT_MS = 30_000;

function whole(option: keyof NodeServerLimits, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`server.${option}`, `must be an integer from 1 to ${max}`);
  }
  return value;
}

/** Validates and completes the limits. @throws {ConfigError} naming `server.<option>`. */
export function resolveServerLimits(limits: NodeServerLimits = {}): Required<NodeServerLimits> {
  const requestTimeoutMs = whole(
    'requestTimeoutMs',
    limits.requestTimeoutMs,
    D.DEFAULT_REQUEST_TIMEOUT_MS,
    MAX_REQUEST_TIMEOUT_MS,
  );
  const headersTimeoutMs = whole(
    'headersTimeoutMs',
    limits.headersTimeoutMs,
    Math.min(D.DEFAULT_HEADERS_TIMEOUT_MS, requestTimeoutMs),
    requestTimeoutMs,
  );
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: whole(
      'keepAliveTimeoutMs',
      limits.keepAliveTimeoutMs,
      D.DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
      600_000,
    ),
    maxConnections: whole('maxConnections', limits.maxConnections, D.DEFAULT_MAX_CONNECTIONS, 1_000_000),
  };
}

/** `createServer` options for the limits (the deadlines are checked every CONNECTIONS_CHECK_INTERVAL_MS). */
export function serverOptions(limits: Required<NodeServerLimits>): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
  };
}

/** What `createServer` options cannot set. */
export function applyConnectionCap(server: Server, limits: Required<NodeServerLimits>): void {
  server.maxConnections = limits.maxConnections;
}
