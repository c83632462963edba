// Child processes of the benchmarks: spawn a CLI and wait for `listening on <url>`; CPU and RSS from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const children = new Set();

/** A file under the repository root, e.g. `packages/proxy/bin/faceid-proxy.js`. */
export const repoFile = (path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/**
 * Spawns `node [nodeArgs] <script> [args]` and resolves `url` once it prints `listening on <url>`; afterwards its
 * stdout is only drained (the proxy logs a line per request). `spawnedAt` is performance.now() at spawn.
 */
export function start(script, args = [], env = {}, nodeArgs = []) {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, repoFile(script), ...args], {
    env: { PATH: process.env.PATH, ...env },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): ${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { child, spawnedAt, url, stop };
}

/** SIGTERM to every child still running. */
export function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}

/** CPU seconds (user + system) and RSS/peak RSS in bytes of a process, from /proc (Linux). */
export function procStats(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of proc(5))
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
    return { cpuS: ticks / 100, rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  } catch {
    return { cpuS: NaN, rss: NaN, peakRss: NaN };
  }
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
