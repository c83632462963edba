// Spawns a built CLI (`faceid-proxy`, `faceid-simulator`) as a child process on 127.0.0.1 and waits for
// `listening on <url>` or its exit. Used by the tests that go through the real commands. Each runs in a fresh
// temporary folder (removed at exit), where `faceid-proxy` keeps its default ledger file, ./faceid-flows.db.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SpawnedCli {
  child: ChildProcess;
  /** Resolves with the URL it listens on; rejects with its output if it exits first. */
  url: Promise<string>;
  /** Resolves with the exit code and everything written to stderr. */
  exited: Promise<{ code: number | null; stderr: string; stdout: string }>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** A file of the repository's packages, e.g. `proxy/bin/faceid-proxy.js`. */
export const packageFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** @param cwd the working directory; default a new temporary folder, removed when the process exits. */
export function spawnCli(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): SpawnedCli {
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'faceid-cli-'));
  const child = spawn(process.execPath, [packageFile(script), ...args], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit');
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1] as string);
    });
    void exit.then(() => reject(new Error(`${script} exited early: ${stderr}`)));
  });
  url.catch(() => undefined);
  const exited = exit.then(([code]) => {
    if (cwd === undefined) rmSync(dir, { recursive: true, force: true });
    return { code: code as number | null, stderr, stdout };
  });
  return {
    child,
    url,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs `body` as JSON to an absolute URL (a spawned CLI's), with extra `headers` (e.g. `origin`). */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
