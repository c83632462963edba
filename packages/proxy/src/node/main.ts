/**
 * The `faceid-proxy` command: reads the environment, opens and migrates the flow ledger's database, serves the
 * proxy, starts the ledger's worker (reconciler, webhook delivery, retention) and prints its URL, upstream and
 * database. Returns the running server, or the exit code: 2 when configuration is bad (the message names the
 * variable), 1 when the server or the database cannot start (e.g. EADDRINUSE, PostgreSQL unreachable).
 */
import { FACEID_ACTIONS } from '../client/actions.js';
import { DEFAULT_FLOW, DEFAULT_REGION } from '../config/defaults.js';
import { envErrorOf, proxyOptionsFromEnv } from '../config/env.js';
import { FLOW_ACTIONS } from '../config/regions.js';
import { ledgerForProxy } from '../ledger/for-proxy.js';
import type { FlowStore } from '../ledger/types.js';
import { upstreamReaderOf } from '../app/flow-read.js';
import { CLI_VARIABLES, listenFromEnv } from './env.js';
import { describeDatabase, ledgerFromEnv } from './ledger-env.js';
import { startLedgerWorker } from './ledger-worker.js';
import { serveFaceIdProxy, type RunningFaceIdProxy } from './serve.js';
import { storeFromUrl } from './store-from-url.js';

export { SANDBOX_BINDING_SECRET } from '../ledger/sandbox-secret.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Receives the per-request log lines. Default: stdout, batched per event-loop turn. */
  log?: (line: string) => void;
}

/**
 * Lines to `write`, joined and written once per event-loop turn: one write for a burst of requests instead of
 * one per request (stdout to a pipe is synchronous on Linux; console.log per request cost ~15 % of the CPU).
 */
export function batchedLines(write: (chunk: string) => void): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const chunk = pending.join('');
    pending = [];
    write(chunk);
  };
  return (line) => {
    if (pending.push(`${line}\n`) === 1) setImmediate(flush);
  };
}

/** `--help`: the variables of the one table, then the listener's. */
export const USAGE = [
  'Usage: faceid-proxy',
  'Serves the FaceID signing proxy. Configuration comes from the environment:',
  ...CLI_VARIABLES.map(({ variable, doc }) => `  ${variable.padEnd(28)} ${doc}`),
].join('\n');

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) },
): Promise<RunningFaceIdProxy | number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  let store: FlowStore | undefined;
  try {
    const options = proxyOptionsFromEnv(env);
    const listen = listenFromEnv(env);
    const settings = ledgerFromEnv(env, { sandbox: options.sandbox === true });
    store = await storeFromUrl(settings.database.url).catch((error: unknown) => {
      throw new Error(`cannot open FACEID_DATABASE_URL (${describeDatabase(settings.database)}): ${String(error)}`);
    });
    const { ledger, options: withSecret } = await ledgerForProxy(store, settings, options);
    const logger = io.log ?? batchedLines((chunk) => process.stdout.write(chunk));
    const server = await serveFaceIdProxy({ ...withSecret, ...listen, ledger, logger });
    const worker = startLedgerWorker({
      ledger,
      readResult: upstreamReaderOf(ledger),
      reconcileIntervalMs: settings.reconcileIntervalMs,
      ...(settings.webhook && { webhook: settings.webhook }),
      onError: (error) => io.err(`faceid-proxy: ledger: ${(error as Error).message}`),
    });
    const opened = store;
    const upstream = options.sandbox ? 'simulator' : 'Tencent Cloud FaceID';
    const flow = options.flow ?? DEFAULT_FLOW;
    const endpoint = options.endpoint ?? FACEID_ACTIONS[FLOW_ACTIONS[flow][0]].endpoint;
    io.out(`faceid-proxy listening on ${server.url}`);
    io.out(`upstream: ${upstream} at ${endpoint} (${options.region ?? DEFAULT_REGION}, ${flow} flow)`);
    const where = settings.database.isDefault ? ' (default; set FACEID_DATABASE_URL to change)' : '';
    io.out(`flows: ${describeDatabase(settings.database)}${where}`);
    io.out(`webhooks: ${settings.webhook ? settings.webhook.url.href : 'off (set FACEID_WEBHOOK_URL)'}`);
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await worker.stop();
        await opened.close();
      },
    };
  } catch (error) {
    await store?.close().catch(() => undefined);
    // The option a ConfigError names maps to its variable through the env table, never through message text.
    const envError = envErrorOf(error, CLI_VARIABLES);
    io.err(`faceid-proxy: ${envError?.message ?? (error as Error).message}`);
    return envError === undefined ? 1 : 2;
  }
}
