/**
 * Arguments and start-up of `faceid-simulator --port 8788 --credential ID:KEY [--credential …] [--public-url URL] [--test-controls] [--host H] [--biz-token-ttl MS]`
 * (the bin entry is cli.ts).
 */
import { parseArgs } from 'node:util';
import { serveSimulator, type RunningSimulator } from './node.js';
import { DEMO_CREDENTIALS, type SimulatorCredential } from './types.js';

const USAGE = `Usage: faceid-simulator [--port 8788] [--host 127.0.0.1] [--credential SECRET_ID:SECRET_KEY]...
                        [--public-url URL] [--test-controls] [--rate-limit CALLS_PER_SECOND]
                        [--biz-token-ttl MS]`;

/** `ID:KEY` or `ID:KEY:SESSION_TOKEN`. */
export function parseCredential(text: string): SimulatorCredential {
  const [secretId, secretKey, ...token] = text.split(':');
  if (!secretId || !secretKey) throw new Error(`--credential must be SECRET_ID:SECRET_KEY, got "${text}"`);
  return token.length ? { secretId, secretKey, sessionToken: token.join(':') } : { secretId, secretKey };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port must be 0–65535, got "${text}"`);
  return port;
}

export interface CliConfig {
  port: number;
  hostname: string;
  credentials: SimulatorCredential[];
  usesDemoCredentials: boolean;
  publicUrl?: string;
  testControls: boolean;
  /** Calls per second per action; Tencent's 20 when absent. */
  rateLimitPerSecond?: number;
  /** Issue-to-start lifetime of BizTokens, ms (`bizTokenTtlMs`); 10 minutes when absent. */
  bizTokenTtlMs?: number;
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw new Error(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

/** @throws {Error} with a message naming the bad argument. */
export function parseCli(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      credential: { type: 'string', multiple: true },
      'public-url': { type: 'string' },
      'test-controls': { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
      'biz-token-ttl': { type: 'string' },
    },
  });
  const credentials = (values.credential ?? []).map(parseCredential);
  const config: CliConfig = {
    port: parsePort(values.port),
    hostname: values.host,
    credentials: credentials.length ? credentials : [DEMO_CREDENTIALS],
    usesDemoCredentials: credentials.length === 0,
    testControls: values['test-controls'],
  };
  if (values['public-url'] !== undefined) config.publicUrl = values['public-url'];
  if (values['rate-limit'] !== undefined)
    config.rateLimitPerSecond = positiveInteger('--rate-limit', values['rate-limit']);
  if (values['biz-token-ttl'] !== undefined) {
    config.bizTokenTtlMs = positiveInteger('--biz-token-ttl', values['biz-token-ttl']);
  }
  return config;
}

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Parses `argv`, starts the simulator and prints where it listens.
 * @returns the running simulator, or the exit code after printing usage (0 for --help, 2 for bad arguments).
 * @throws when the server cannot start (e.g. the port is taken).
 */
export async function runCli(argv: string[], io: CliIo = console): Promise<RunningSimulator | number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.log(USAGE);
    return 0;
  }
  let config: CliConfig;
  try {
    config = parseCli(argv);
  } catch (error) {
    io.error(`faceid-simulator: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { port, hostname, usesDemoCredentials, ...options } = config;
  const simulator = await serveSimulator({ ...options, port, hostname });
  if (usesDemoCredentials) {
    io.log(
      `No --credential given: accepting the demo pair SecretId=${DEMO_CREDENTIALS.secretId} SecretKey=${DEMO_CREDENTIALS.secretKey}`,
    );
  }
  io.log(`FaceID simulator listening on ${simulator.url}${config.testControls ? ' (test controls on)' : ''}`);
  return simulator;
}
