/**
 * The `faceid-proxy` command: reads the environment, serves the proxy, prints its URL and upstream.
 * Returns the running server, or the exit code when configuration is bad (the message names the variable).
 */
import { EnvError, listenFromEnv, proxyOptionsFromEnv } from './env.js';
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

/** Option names of createFaceIdProxy's errors, mapped back to the variable that set them. */
const OPTION_VARIABLES: Record<string, string> = {
  credentials: 'TENCENTCLOUD_SECRET_ID',
  'credentials.secretId': 'TENCENTCLOUD_SECRET_ID',
  'credentials.secretKey': 'TENCENTCLOUD_SECRET_KEY',
  region: 'FACEID_REGION',
  endpoint: 'FACEID_ENDPOINT',
  allowedOrigins: 'FACEID_ALLOWED_ORIGINS',
  redirectUrls: 'FACEID_REDIRECT_URLS',
  bindingSecret: 'FACEID_BINDING_SECRET',
  apiKey: 'FACEID_API_KEY',
  ruleId: 'FACEID_RULE_ID',
  securityLevel: 'FACEID_SECURITY_LEVEL',
  checkMode: 'FACEID_CHECK_MODE',
  timeoutMs: 'FACEID_TIMEOUT_MS',
  upstreamRatePerSecond: 'FACEID_UPSTREAM_RATE',
};

export const USAGE = `Usage: faceid-proxy
Serves the FaceID signing proxy. Configuration comes from the environment:
  TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN  (none set = sandbox)
  FACEID_SANDBOX=1|0, FACEID_ENDPOINT (sandbox default http://127.0.0.1:8788), FACEID_REGION (ap-singapore)
  FACEID_REDIRECT_URLS (required), FACEID_ALLOWED_ORIGINS, FACEID_BINDING_SECRET (>= 32 bytes outside sandbox)
  FACEID_API_KEY, FACEID_RULE_ID, FACEID_SECURITY_LEVEL, FACEID_CHECK_MODE
  FACEID_TIMEOUT_MS, FACEID_RATE_LIMIT, FACEID_UPSTREAM_RATE, PORT (8787), HOST (127.0.0.1)`;

function configMessage(error: unknown): string | undefined {
  if (error instanceof EnvError) return error.message;
  const option = error instanceof TypeError ? /option "([^"]+)" (.*)$/s.exec(error.message) : null;
  if (!option) return undefined;
  const variable = OPTION_VARIABLES[option[1] as string] ?? option[1];
  return `${variable} ${option[2]}`;
}

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
    const options = proxyOptionsFromEnv(env);
    const logger = io.log ?? batchedLines((chunk) => process.stdout.write(chunk));
    const server = await serveFaceIdProxy({ ...options, ...listenFromEnv(env), logger });
    const upstream = options.sandbox ? 'simulator' : 'Tencent Cloud FaceID';
    io.out(`faceid-proxy listening on ${server.url}`);
    io.out(
      `upstream: ${upstream} at ${options.endpoint ?? 'https://faceid.intl.tencentcloudapi.com'} (${options.region})`,
    );
    return server;
  } catch (error) {
    const message = configMessage(error);
    io.err(`faceid-proxy: ${message ?? (error as Error).message}`);
    return message === undefined ? 1 : 2;
  }
}
