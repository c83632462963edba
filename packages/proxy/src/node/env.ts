/**
 * The Node side of the configuration from environment variables: the listener's variables (`PORT`, `HOST`, the
 * server limits) as rows of the same shape as the core's table, `proxyOptionsFromEnv` (the core's
 * `optionsFromEnv`, checked at once so a bad variable is named before anything listens) and `listenFromEnv`.
 */
import { DEFAULT_HOST, DEFAULT_PORT } from '../config/defaults.js';
import { asInteger, asText, ENV_VARIABLES, envErrorOf, readEnv, type Env, type EnvVariable } from '../config/env.js';
import { LEDGER_VARIABLES } from './ledger-env.js';
import { checkPort } from './serve.js';
import type { NodeServerLimits } from './server-limits.js';

export { DEFAULT_PORT, DEFAULT_SANDBOX_ENDPOINT, SANDBOX_CREDENTIALS } from '../config/defaults.js';
export { EnvError } from '../config/error.js';
export { proxyOptionsFromEnv } from '../config/env.js';

/** The variables of `serveFaceIdProxy`'s own options. */
export const LISTEN_VARIABLES: readonly EnvVariable[] = [
  { variable: 'PORT', option: 'port', parse: asInteger, doc: `listening port (${DEFAULT_PORT}; 0 = any free one)` },
  { variable: 'HOST', option: 'hostname', parse: asText, doc: `interface (${DEFAULT_HOST})` },
  { variable: 'FACEID_HEADERS_TIMEOUT_MS', option: 'server.headersTimeoutMs', parse: asInteger, doc: 'head deadline' },
  { variable: 'FACEID_REQUEST_TIMEOUT_MS', option: 'server.requestTimeoutMs', parse: asInteger, doc: '<= 30000' },
  {
    variable: 'FACEID_KEEP_ALIVE_TIMEOUT_MS',
    option: 'server.keepAliveTimeoutMs',
    parse: asInteger,
    doc: 'idle keep-alive, ms',
  },
  { variable: 'FACEID_MAX_CONNECTIONS', option: 'server.maxConnections', parse: asInteger, doc: 'open at most' },
];

/** Every variable `faceid-proxy` reads: the core's table, the ledger's, then the listener's. */
export const CLI_VARIABLES: readonly EnvVariable[] = [...ENV_VARIABLES, ...LEDGER_VARIABLES, ...LISTEN_VARIABLES];

export interface ListenOptions {
  port: number;
  hostname: string;
  server?: NodeServerLimits;
}

/**
 * `PORT` (default DEFAULT_PORT; 0 = any free port), `HOST` (default DEFAULT_HOST) and, when set, the server limits
 * (FACEID_HEADERS_TIMEOUT_MS, FACEID_REQUEST_TIMEOUT_MS, FACEID_KEEP_ALIVE_TIMEOUT_MS, FACEID_MAX_CONNECTIONS).
 * @throws {EnvError} for a PORT that is not an integer from 0 to 65,535, or a limit that is not an integer.
 */
export function listenFromEnv(env: Env): ListenOptions {
  const read = readEnv(env, LISTEN_VARIABLES) as Partial<ListenOptions>;
  const listen = { ...read, port: read.port ?? DEFAULT_PORT, hostname: read.hostname ?? DEFAULT_HOST };
  try {
    checkPort(listen.port);
  } catch (error) {
    throw envErrorOf(error, LISTEN_VARIABLES) ?? error;
  }
  return listen;
}
