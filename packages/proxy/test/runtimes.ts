// Real runtimes for the handler's tests: the simulator CLI, and `bun entry.mjs`, `deno serve entry.mjs` and
// workerd serving the README's recipe, examples/edge/entry.mjs (only `export { default } from
// '@faceid-verify/proxy/handler'`) with examples/edge/wrangler.toml's `main`, `compatibility_date` and
// `compatibility_flags`, each a
// child process that the test starts and stops. The binaries come from the root devDependencies
// `bun`, `deno` and `workerd`. The handler resolves through the package's exports to dist/ (`npm run build`).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { spawnUntil as spawnChild, stopChild } from '../../../scripts/processes.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ENTRY_DIR = join(ROOT, 'examples/edge');
const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const READY_TIMEOUT_MS = 20_000;

export interface Running {
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns and resolves with the first match of `ready` in its output (group 1 = URL); rejects if it exits first. */
export async function spawnUntil(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; ready: RegExp },
): Promise<Running> {
  const { ready, ...spawnOptions } = options;
  const child = await spawnChild(command, args, ready, { ...spawnOptions, readyTimeoutMs: READY_TIMEOUT_MS });
  return { url: child.ready, output: child.output, stop: child.stop };
}

/** The parent's environment without real credentials, plus the handler's variables. */
export function runtimeEnv(variables: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(TENCENTCLOUD_|FACEID_)/.test(name)) delete env[name];
  return { ...env, ...variables };
}

export function startSimulator(): Promise<Running> {
  const bin = join(ROOT, 'packages/simulator/bin/faceid-simulator.js');
  return spawnUntil(process.execPath, [bin, '--port', '0', '--test-controls'], {
    env: runtimeEnv({}),
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
}

/** `bun entry.mjs`: Bun serves a default export with `fetch`; PORT=0 picks a free port, which it prints. */
export function startBun(variables: Record<string, string>): Promise<Running> {
  return spawnUntil(BIN('bun'), ['entry.mjs'], {
    cwd: ENTRY_DIR,
    env: runtimeEnv({ ...variables, PORT: '0', NO_COLOR: '1' }),
    ready: /server: http:\/\/localhost:(\d+)/,
  }).then((running) => ({ ...running, url: `http://127.0.0.1:${running.url}` }));
}

export function startDeno(variables: Record<string, string>): Promise<Running> {
  const args = ['serve', '--no-lock', '--allow-env', '--allow-net', '--host', '127.0.0.1', '--port', '0', 'entry.mjs'];
  return spawnUntil(BIN('deno'), args, {
    cwd: ENTRY_DIR,
    env: runtimeEnv({ ...variables, NO_COLOR: '1' }),
    ready: /Listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
}

const capnpText = (text: string) => JSON.stringify(text);

export interface WranglerSettings {
  main: string;
  compatibilityDate: string;
  /** `compatibility_flags = ["…", …]`; empty without that line. */
  compatibilityFlags: string[];
}

/** `main`, `compatibility_date` and `compatibility_flags` of examples/edge/wrangler.toml (top-level lines). */
export async function wranglerSettings(): Promise<WranglerSettings> {
  const toml = await readFile(join(ENTRY_DIR, 'wrangler.toml'), 'utf8');
  const setting = (key: string) => {
    const found = new RegExp(`^${key} = "([^"]+)"$`, 'm').exec(toml)?.[1];
    if (found === undefined) throw new Error(`wrangler.toml has no ${key}`);
    return found;
  };
  const flags = /^compatibility_flags = \[([^\]]*)\]$/m.exec(toml)?.[1] ?? '';
  const compatibilityFlags = [...flags.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');
  return { main: setting('main'), compatibilityDate: setting('compatibility_date'), compatibilityFlags };
}

/**
 * The Cron Trigger's stand-in: workerd has no cron, so a second worker with a service binding to the proxy calls
 * its `scheduled()` handler on every request (`service_binding_extra_handlers`, experimental) and answers
 * `{ outcome, noRetry }` (outcome `ok` or `exception`).
 */
const CRON_WORKER = `export default {
  async fetch(request, env) {
    const result = await env.PROXY.scheduled({ scheduledTime: Date.now(), cron: '* * * * *' });
    return Response.json(result);
  },
};`;

/**
 * The workerd config: the bundled handler with wrangler.toml's date and flags, the variables as text bindings,
 * outbound fetch and sockets allowed to loopback; with `cron`, the CRON_WORKER on the socket `cron`.
 */
export function workerdConfig(
  variables: Record<string, string>,
  settings: Pick<WranglerSettings, 'compatibilityDate' | 'compatibilityFlags'>,
  { cron = false }: { cron?: boolean } = {},
): string {
  const bindings = Object.entries(variables)
    .map(([name, text]) => `    (name = ${capnpText(name)}, text = ${capnpText(text)}),`)
    .join('\n');
  const flags = settings.compatibilityFlags.map(capnpText).join(', ');
  const cronService = cron ? '\n    (name = "cron", worker = .cron),' : '';
  const cronSocket = cron ? ', (name = "cron", http = (), service = "cron")' : '';
  const cronWorker = cron
    ? `const cron :Workerd.Worker = (
  modules = [(name = "cron.js", esModule = ${capnpText(CRON_WORKER)})],
  compatibilityDate = ${capnpText(settings.compatibilityDate)},
  compatibilityFlags = ["service_binding_extra_handlers"],
  bindings = [(name = "PROXY", service = "main")],
);
`
    : '';
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),${cronService}
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", http = (), service = "main")${cronSocket}],
);
const worker :Workerd.Worker = (
  modules = [(name = "handler.js", esModule = embed "handler.js")],
  compatibilityDate = ${capnpText(settings.compatibilityDate)},
  compatibilityFlags = [${flags}],
  bindings = [
${bindings}
  ],
  globalOutbound = "loopback",
);
${cronWorker}`;
}

/** esbuild bundle of entry.mjs for workerd (what wrangler does: `node:` and `cloudflare:` left to workerd), into `dir`. */
export async function bundleForWorkerd(dir: string, main: string): Promise<void> {
  await build({
    entryPoints: [join(ENTRY_DIR, main)],
    outfile: join(dir, 'handler.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['node:*', 'cloudflare:*'],
    logLevel: 'warning',
  });
}

export interface RunningWorkerd extends Running {
  /** With `cron`: runs the proxy's `scheduled()` once (CRON_WORKER) and resolves with workerd's outcome. */
  scheduled(): Promise<{ outcome: string }>;
}

/** A listening socket on 127.0.0.1 and its fd, to hand to workerd. */
async function listeningSocket(): Promise<{ port: number; fd: number; socket: Server }> {
  const socket: Server = createServer();
  await new Promise<void>((resolve) => socket.listen(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
  return { port, fd, socket };
}

/**
 * workerd serving the bundled handler. The listening socket is made here and handed over (`--socket-fd`): workerd
 * prints no address, and a socket that already listens makes the first request wait instead of racing start-up.
 * `cron`: also the CRON_WORKER (`serve --experimental`, which `service_binding_extra_handlers` needs).
 */
export async function startWorkerd(
  variables: Record<string, string>,
  { cron = false }: { cron?: boolean } = {},
): Promise<RunningWorkerd> {
  const dir = await mkdtemp(join(tmpdir(), 'faceid-workerd-'));
  const settings = await wranglerSettings();
  await bundleForWorkerd(dir, settings.main);
  await writeFile(join(dir, 'config.capnp'), workerdConfig(variables, settings, { cron }));
  const http = await listeningSocket();
  const trigger = cron ? await listeningSocket() : undefined;
  const args = ['serve', 'config.capnp', '--socket-fd', 'http=3'];
  if (trigger) args.push('--socket-fd', 'cron=4', '--experimental');
  const child = spawn(BIN('workerd'), args, {
    cwd: dir,
    env: runtimeEnv({}),
    stdio: ['ignore', 'pipe', 'pipe', http.fd, ...(trigger ? [trigger.fd] : [])],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  http.socket.close();
  trigger?.socket.close();
  return {
    url: `http://127.0.0.1:${http.port}`,
    output: () => output,
    scheduled: async () => {
      if (!trigger) throw new Error('startWorkerd without { cron: true }');
      const response = await fetch(`http://127.0.0.1:${trigger.port}/`, { signal: AbortSignal.timeout(20_000) });
      return (await response.json()) as { outcome: string };
    },
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A port free right now on 127.0.0.1 (asked of the OS by listening on port 0), for a server that must be told one. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
