// What the flow ledger costs: the same proxy app (serveFaceIdProxy) against the same simulator, with its ledger in
// memory (the yardstick: nothing durable), on a SQLite file, and on PostgreSQL (a fresh local server, when Debian's
// binaries are installed). Per operation, sequential over loopback: a session start (one insert), the first read
// of a finished flow (one upstream read + the verdict and its outbox row in one transaction) and a repeat read
// (answered from the ledger). Prints p50 latency (ms) and CPU per operation (µs, this process: proxy and
// simulator together, so the differences are the ledger's), side by side, interleaved over rounds for the noise.
// Figures only, no assertions. Usage: node scripts/bench/ledger.mjs [operations per round]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLedger } from '@faceid-verify/proxy/ledger';
import { serveFaceIdProxy } from '@faceid-verify/proxy/node';
import { createMemoryStore } from '@faceid-verify/proxy/store/memory';
import { createPostgresStore } from '@faceid-verify/proxy/store/postgres';
import { createSqliteStore } from '@faceid-verify/proxy/store/sqlite';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { serveSimulator } from '@faceid-verify/simulator/node';
import { findPostgresBin, startPostgres } from '../postgres.mjs';
import { fmt, median } from './lib/processes.mjs';

const PER_ROUND = Number(process.argv[2] ?? 100);
const ROUNDS = 3;
const ORIGIN = 'http://localhost:5173';
const RETURN = `${ORIGIN}/demo/`;
const headers = { 'content-type': 'application/json', origin: ORIGIN };

const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-ledger-'));
const simulator = await serveSimulator({
  credentials: [DEMO_CREDENTIALS],
  testControls: true,
  rateLimitPerSecond: 1_000_000,
});
const postgres = findPostgresBin() ? await startPostgres() : undefined;

const stores = [
  { name: 'memory', open: async () => createMemoryStore() },
  { name: 'SQLite', open: () => createSqliteStore({ url: `file:${join(dir, 'flows.db')}` }) },
  ...(postgres
    ? [{ name: 'PostgreSQL', open: async () => createPostgresStore({ url: await postgres.database() }) }]
    : []),
];

const variants = [];
for (const { name, open } of stores) {
  const store = await open();
  const proxy = await serveFaceIdProxy({
    credentials: DEMO_CREDENTIALS,
    sandbox: true,
    endpoint: simulator.url,
    redirectUrls: [RETURN],
    bindingSecret: 'EXAMPLE-bench-binding-secret-0123456789abcdef',
    rateLimit: false,
    upstreamRatePerSecond: 0,
    logger: () => undefined,
    ledger: createLedger({ store }),
  });
  variants.push({
    name,
    store,
    proxy,
    samples: { start: [], first: [], repeat: [] },
    cpu: { start: 0, first: 0, repeat: 0 },
  });
}

const post = (url, body) => globalThis.fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });

/** Runs `op` once, adding its latency (ms) and this process's CPU (µs) to the variant's figures. */
async function measure(variant, kind, op) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await op();
  variant.samples[kind].push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  variant.cpu[kind] += used.user + used.system;
  if (!response.ok) throw new Error(`${variant.name} ${kind}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

async function round(variant, record) {
  const sessions = [];
  for (let i = 0; i < PER_ROUND; i += 1) {
    const op = () => post(`${variant.proxy.url}/web/sessions`, { redirectUrl: RETURN });
    if (record) await measure(variant, 'start', op);
    sessions.push(await (await op()).json());
  }
  for (const { bizToken } of sessions)
    await post(`${simulator.url}/__simulator/outcomes`, { token: bizToken, outcome: 'pass' });
  for (const kind of ['first', 'repeat']) {
    for (const { bizToken, binding } of sessions) {
      const op = () => post(`${variant.proxy.url}/web/results`, { bizToken, binding });
      if (record) await measure(variant, kind, op);
      else await (await op()).arrayBuffer();
    }
  }
}

try {
  for (const variant of variants) await round(variant, false); // warm-up: JIT, connections, first pages
  for (let r = 0; r < ROUNDS; r += 1) for (const variant of variants) await round(variant, true);
  console.log(`${ROUNDS} rounds × ${PER_ROUND} operations per store, sequential, loopback`);
  if (!postgres) console.log('PostgreSQL: not installed here (apt-get install postgresql), skipped');
  const base = variants[0];
  const per = (variant, kind) => variant.cpu[kind] / variant.samples[kind].length;
  console.log('store       operation      p50 ms   (+ vs memory)   CPU µs/op  (+ vs memory)');
  for (const variant of variants) {
    for (const [kind, label] of [
      ['start', 'session start'],
      ['first', 'first read'],
      ['repeat', 'repeat read'],
    ]) {
      const p50 = median(variant.samples[kind]);
      const cpu = per(variant, kind);
      console.log(
        `${variant.name.padEnd(11)} ${label.padEnd(14)} ${fmt(p50).padStart(6)}   ${`+${fmt(p50 - median(base.samples[kind]))}`.padStart(12)}   ${fmt(cpu, 0).padStart(9)}  ${`+${fmt(cpu - per(base, kind), 0)}`.padStart(12)}`,
      );
    }
  }
} finally {
  for (const { proxy, store } of variants) {
    await proxy.close();
    await store.close();
  }
  await simulator.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}
