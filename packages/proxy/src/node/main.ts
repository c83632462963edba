/**
 * The `faceid-proxy` command: reads the environment, serves the proxy, prints its URL and upstream.
 * Returns the running server, or the exit code: 2 when configuration is bad (the message names the variable), 1 when
 * the server cannot start (e.g. EADDRINUSE).
 */
import { FACEID_ACTIONS } from '../client/actions.js';
import { DEFAULT_FLOW, DEFAULT_REGION } from '../config/defaults.js';
import { envErrorOf, optionsFromEnv } from '../config/env.js';
import { FLOW_ACTIONS } from '../config/regions.js';
import { CLI_VARIABLES, listenFromEnv } from './env.js';
import { serveFaceIdProxy, type RunningFaceIdProxy } from './serve.js';

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
  try {
    const options = optionsFromEnv(env);
    const logger = io.log ?? batchedLines((chunk) => process.stdout.write(chunk));
    const server = await serveFaceIdProxy({ ...options, ...listenFromEnv(env), logger });
    const upstream = options.sandbox ? 'simulator' : 'Tencent Cloud FaceID';
    const flow = options.flow ?? DEFAULT_FLOW;
    const endpoint = options.endpoint ?? FACEID_ACTIONS[FLOW_ACTIONS[flow][0]].endpoint;
    io.out(`faceid-proxy listening on ${server.url}`);
    io.out(`upstream: ${upstream} at ${endpoint} (${options.region ?? DEFAULT_REGION}, ${flow} flow)`);
    return server;
  } catch (error) {
    // The option a ConfigError names maps to its variable through the env table, never through message text.
    const envError = envErrorOf(error, CLI_VARIABLES);
    io.err(`faceid-proxy: ${envError?.message ?? (error as Error).message}`);
    return envError === undefined ? 1 : 2;
  }
}
