// Runs `node scripts/start.mjs` (exactly what `npm start` runs) as a child process and reads the URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const START_SCRIPT = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface RunningStack {
  /** The demo origin with a trailing slash, e.g. `http://localhost:41234/`. */
  baseUrl: string;
  /** The simulator, e.g. `http://127.0.0.1:41235`; undefined when real credentials are set. */
  simulatorUrl: string | undefined;
  /** Sends SIGTERM (what Ctrl-C does) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The environment of the stack: the parent's, minus any real credentials, plus `overrides`. */
export function stackEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TENCENTCLOUD_SECRET_ID;
  delete env.TENCENTCLOUD_SECRET_KEY;
  delete env.TENCENTCLOUD_SESSION_TOKEN;
  return { ...env, ...overrides };
}

/** Starts the stack and resolves once it printed its URL; rejects with its output when it exits first. */
export function startStack(env: NodeJS.ProcessEnv): Promise<RunningStack> {
  const child = spawn(process.execPath, [START_SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`npm start ${why}:\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const baseUrl = /Open (http:\/\/localhost:\d+\/)/.exec(output)?.[1];
      const simulatorUrl = /FaceID simulator at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (baseUrl) {
        clearTimeout(timer);
        resolve({ baseUrl, simulatorUrl, stop: () => stopChild(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

/** Runs the start script to its end (for start-up errors); resolves with its exit code and output. */
export function runStartScript(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [START_SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  child.removeAllListeners('exit');
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
