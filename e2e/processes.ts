// Child processes the specs start and stop themselves: spawned, ready once their output matches, stopped with
// SIGTERM. No shell, 127.0.0.1 only.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const READY_TIMEOUT_MS = 60_000;

export interface Child {
  /** Group 1 of the `ready` match (a URL or port). */
  ready: string;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns and resolves with `ready`'s first match in stdout + stderr; rejects with the output if it exits first. */
export function spawnUntil(command: string, args: string[], ready: RegExp, options: SpawnOptions): Promise<Child> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} ${why}:\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output)?.[1];
      if (match === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ ready: match, output: () => output, stop: () => stopChild(child) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

/** Runs to the end; resolves with the exit code and the output. */
export function run(
  command: string,
  args: string[],
  options: SpawnOptions,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The parent's environment without npm's per-run variables and without real credentials, plus `overrides`. */
export function cleanEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(npm_|TENCENTCLOUD_|FACEID_|INIT_CWD$|NODE_PATH$)/.test(name)) delete env[name];
  }
  return { ...env, ...overrides };
}
