// Child processes that tests and benchmarks start and stop themselves: spawned without a shell, ready once their
// output matches, stopped with SIGTERM. Shared by e2e/processes.ts and packages/proxy/test/runtimes.ts.
import { spawn } from 'node:child_process';

const READY_TIMEOUT_MS = 60_000;

/**
 * Resolves once `child` has exited (at once if it already has), after a SIGTERM.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Spawns and resolves with `ready`'s first match (group 1) in stdout + stderr; types and docs: processes.d.mts.
 * @param {string} command
 * @param {string[]} args
 * @param {RegExp} ready
 * @param {import('node:child_process').SpawnOptions & { readyTimeoutMs?: number }} options
 * @returns {Promise<import('./processes.d.mts').Child>}
 */
export function spawnUntil(command, args, ready, { readyTimeoutMs = READY_TIMEOUT_MS, ...options }) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${readyTimeoutMs} ms`), readyTimeoutMs);
    const fail = (/** @type {string} */ why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} ${why}:\n${output}`));
    };
    let isReady = false;
    const onExit = (/** @type {number | null} */ code) => fail(`exited with ${code}`);
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      // Matched once only: output after that (e.g. a log line flushed during stop) must not touch the listeners.
      if (isReady) return;
      const match = ready.exec(output)?.[1];
      if (match === undefined) return;
      isReady = true;
      clearTimeout(timer);
      // Only this function's own listener: stopChild's `exit` listener must survive later output.
      child.off('exit', onExit);
      resolve({ ready: match, output: () => output, stop: () => stopChild(child) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
