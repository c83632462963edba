/**
 * The Node side of the configuration from environment variables: `proxyOptionsFromEnv` (the core's
 * `optionsFromEnv`, checked at once so a bad variable is named before anything listens) and `listenFromEnv`
 * (`PORT`, `HOST`). The variable table itself is Web-only, in ../config/env.ts.
 */
import { asInteger, envErrorOf, optionsFromEnv, readVariable, type Env } from '../config/env.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../config/defaults.js';
import { EnvError } from '../config/error.js';
import { resolveProxyOptions } from '../config/options.js';
import type { FaceIdProxyOptions } from '../app/types.js';

export { DEFAULT_PORT, DEFAULT_SANDBOX_ENDPOINT, SANDBOX_CREDENTIALS } from '../config/defaults.js';
export { EnvError } from '../config/error.js';

/**
 * Reads the proxy's options from the environment (every variable of `ENV_VARIABLES`; README "Variables") and
 * validates them once, so the error names the variable.
 * @throws {EnvError} naming the first missing or bad variable (`.variable`, `.option`).
 */
export function proxyOptionsFromEnv(env: Env): FaceIdProxyOptions {
  const options = optionsFromEnv(env);
  try {
    resolveProxyOptions(options);
  } catch (error) {
    throw envErrorOf(error) ?? error;
  }
  return options;
}

/**
 * `PORT` (default DEFAULT_PORT; 0 = any free port) and `HOST` (default DEFAULT_HOST).
 * @throws {EnvError} for a PORT that is not an integer from 0 to 65,535.
 */
export function listenFromEnv(env: Env): { port: number; hostname: string } {
  const raw = readVariable(env, 'PORT');
  const port = raw === undefined ? DEFAULT_PORT : (asInteger(raw, 'PORT', 'port') as number);
  if (!(port >= 0 && port <= 65_535)) throw new EnvError('PORT', 'port', 'must be an integer from 0 to 65535');
  return { port, hostname: readVariable(env, 'HOST') ?? DEFAULT_HOST };
}
