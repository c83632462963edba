// `npm start`'s settings, read once from the environment. A bad value stops start-up with a message that
// names the variable to change (StartError); everything else about the proxy comes from proxyOptionsFromEnv.
import { LedgerConfigError, parseWebhookSecrets } from '@faceid-verify/proxy/ledger';

/** A start-up problem the user can fix; printed without a stack trace. */
export class StartError extends Error {
  name = 'StartError';
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_SIMULATOR_PORT = 8788;
/** FACEID_RECONCILE_INTERVAL_MS default, as for the `faceid-proxy` CLI. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 30_000;

/**
 * @typedef {object} StartConfig
 * @property {number} port The demo + proxy server's port (0 = any free port).
 * @property {number} simulatorPort The simulator's port (0 = any free port); unused with real credentials.
 * @property {'simulator' | 'tencent'} upstream Which FaceID API the proxy talks to.
 * @property {boolean} testControls FACEID_SIMULATOR_TEST_CONTROLS=1: the simulator's /__simulator routes and
 *   the demo server's /__demo/proxy switch (used by the e2e suite; never with real credentials).
 * @property {number} reconcileIntervalMs FACEID_RECONCILE_INTERVAL_MS: ms between the ledger's re-reads of
 *   pending flows.
 * @property {string[] | undefined} webhookSecrets FACEID_WEBHOOK_SECRET (`whsec_…`, comma-separated): the
 *   secrets the proxy signs the demo's webhooks with; unset, a new one per run.
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {StartConfig}
 * @throws {StartError} naming the variable when a value is bad.
 */
export function readStartConfig(env) {
  const upstream = readUpstream(env);
  const testControls = env.FACEID_SIMULATOR_TEST_CONTROLS === '1' || env.FACEID_SIMULATOR_TEST_CONTROLS === 'true';
  if (testControls && upstream === 'tencent') {
    throw new StartError('FACEID_SIMULATOR_TEST_CONTROLS only works with the simulator: unset it or the credentials.');
  }
  return {
    port: readPort(env, 'PORT', DEFAULT_PORT),
    simulatorPort: readPort(env, 'SIMULATOR_PORT', DEFAULT_SIMULATOR_PORT),
    upstream,
    testControls,
    reconcileIntervalMs: readPositive(env, 'FACEID_RECONCILE_INTERVAL_MS', DEFAULT_RECONCILE_INTERVAL_MS),
    webhookSecrets: readSecrets(env),
  };
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 */
function readPositive(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) === 0 || Number(raw) > 2 ** 31 - 1) {
    throw new StartError(`${name}=${raw} is not a positive number of milliseconds.`);
  }
  return Number(raw);
}

/** @param {NodeJS.ProcessEnv} env */
function readSecrets(env) {
  const raw = env.FACEID_WEBHOOK_SECRET;
  if (raw === undefined || raw === '') return undefined;
  try {
    return parseWebhookSecrets(raw);
  } catch (error) {
    if (error instanceof LedgerConfigError) throw new StartError(error.message);
    throw error;
  }
}

/** @param {NodeJS.ProcessEnv} env */
function readUpstream(env) {
  const id = Boolean(env.TENCENTCLOUD_SECRET_ID);
  const key = Boolean(env.TENCENTCLOUD_SECRET_KEY);
  if (id !== key) {
    const missing = id ? 'TENCENTCLOUD_SECRET_KEY' : 'TENCENTCLOUD_SECRET_ID';
    throw new StartError(
      `${missing} is not set: set both TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or neither to use the simulator.`,
    );
  }
  return id ? 'tencent' : 'simulator';
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 */
function readPort(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new StartError(`${name}=${raw} is not a port number: use 1-65535 (or 0 for any free port).`);
  }
  return port;
}
