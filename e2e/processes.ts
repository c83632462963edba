// Child processes the specs start and stop themselves: spawned, ready once their output matches, stopped with
// SIGTERM. No shell, 127.0.0.1 only.
import { spawn, type SpawnOptions } from 'node:child_process';

export { spawnUntil, type Child } from '../scripts/processes.mjs';

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

/** The parent's environment without npm's per-run variables and without real credentials, plus `overrides`. */
export function cleanEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(npm_|TENCENTCLOUD_|FACEID_|INIT_CWD$|NODE_PATH$)/.test(name)) delete env[name];
  }
  return { ...env, ...overrides };
}
