// The signing proxy side by side with what an integrator writes instead: POST /web/results through
// `faceid-proxy` (its bin, the bundle `npm run build` makes) versus a bare node:http server reading the same
// result with Tencent's official intl SDK (lib/sdk-server.mjs), both against one `faceid-simulator`, all real CLIs
// in child processes on 127.0.0.1, driven by autocannon from this process. Rounds alternate (direct to the
// simulator, proxy, SDK server) so drift on this shared machine hits all alike; figures are medians.
// Prints, per server and as proxy/SDK ratios: CPU per read (from /proc), req/s and p50/p99 at 10 connections,
// spawn → first answered read, RSS at 100 connections. Figures only, never assertions; about 80 s.
// Targets (design.md, issue 9): CPU ≤ 0.5×, throughput ≥ 1.2×, p99 no worse, start-up ≤ 0.5×, RSS ≤ 120 MB.
// BENCH_ROUNDS, BENCH_ROUND_S shorten a run; BENCH_CPU_PROF=<dir> runs both servers under `node --cpu-prof`.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { signTc3 } from '@faceid-verify/proxy/signing';
import { nodeTc3Crypto } from '@faceid-verify/proxy/node';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { fmt, median, procStats, start, stopAll } from './lib/processes.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_S = Number(process.env.BENCH_ROUND_S ?? 5);
const STARTS = 3;
const CONNECTIONS = 10;
const RSS_CONNECTIONS = 100;
const ORIGIN = 'http://127.0.0.1:5173';
const RETURN_URL = `${ORIGIN}/demo/`;
// Invented; fixed so every proxy process spawned for the start-up figure accepts the same binding.
const BINDING_SECRET = 'EXAMPLE-bench-binding-secret-0123456789abcdef';
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

const post = (url, body, headers = {}) =>
  globalThis.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const cannon = (url, { body, headers }, duration, connections = CONNECTIONS) =>
  autocannon({ url, method: 'POST', body, headers, duration, connections, pipelining: 1 });

/** The simulator's own request, signed once (valid 300 s): the floor no server in front can beat. */
async function directRequest(simulatorUrl, bizToken) {
  const body = JSON.stringify({ BizToken: bizToken });
  const headers = await signTc3(
    {
      ...DEMO_CREDENTIALS,
      service: 'faceid',
      host: new URL(simulatorUrl).hostname,
      region: 'ap-singapore',
      action: 'GetWebVerificationResultIntl',
      version: '2018-03-01',
      timestamp: Math.floor(Date.now() / 1000),
      body,
    },
    { crypto: nodeTc3Crypto },
  );
  return { body, headers };
}

const servers = {
  proxy: (simulatorUrl) =>
    start(
      'packages/proxy/bin/faceid-proxy.js',
      [],
      {
        PORT: '0',
        FACEID_SANDBOX: '1',
        FACEID_ENDPOINT: simulatorUrl,
        FACEID_REDIRECT_URLS: RETURN_URL,
        FACEID_BINDING_SECRET: BINDING_SECRET,
        FACEID_RATE_LIMIT: '0',
        FACEID_UPSTREAM_RATE: '0',
      },
      profile,
    ),
  sdk: (simulatorUrl) => start('scripts/bench/lib/sdk-server.mjs', [simulatorUrl], {}, profile),
};

/** Spawn → first answered read, ms, `STARTS` times per server, alternating. */
async function startUps(simulatorUrl, requests) {
  const times = { proxy: [], sdk: [] };
  for (let i = 0; i < STARTS; i += 1) {
    for (const name of ['proxy', 'sdk']) {
      const server = servers[name](simulatorUrl);
      const url = await server.url;
      const { body, headers } = requests[name];
      const response = await globalThis.fetch(`${url}/web/results`, { method: 'POST', headers, body });
      if (!response.ok) throw new Error(`${name}: first read answered ${response.status}`);
      times[name].push(performance.now() - server.spawnedAt);
      await server.stop();
    }
  }
  return { proxy: median(times.proxy), sdk: median(times.sdk) };
}

function summary(runs, cpuS) {
  const calls = runs.reduce((n, r) => n + r.requests.total, 0);
  return {
    rps: median(runs.map((r) => r.requests.average)),
    p50: median(runs.map((r) => r.latency.p50)),
    p99: median(runs.map((r) => r.latency.p99)),
    errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
    cpuUs: (cpuS * 1e6) / calls,
    calls,
  };
}

async function main() {
  const simulator = start('packages/simulator/dist/cli.js', [
    '--port',
    '0',
    '--test-controls',
    '--rate-limit',
    '1000000000',
  ]);
  const simulatorUrl = await simulator.url;
  const running = { proxy: servers.proxy(simulatorUrl), sdk: servers.sdk(simulatorUrl) };
  const urls = { proxy: `${await running.proxy.url}/web/results`, sdk: `${await running.sdk.url}/web/results` };
  const session = await (
    await post(`${await running.proxy.url}/web/sessions`, { redirectUrl: RETURN_URL }, { origin: ORIGIN })
  ).json();
  await post(`${simulatorUrl}/__simulator/outcomes`, { token: session.bizToken, outcome: 'pass' });
  const requests = {
    proxy: {
      body: JSON.stringify({ bizToken: session.bizToken, binding: session.binding }),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    },
    sdk: { body: JSON.stringify({ bizToken: session.bizToken }), headers: { 'content-type': 'application/json' } },
    direct: await directRequest(simulatorUrl, session.bizToken),
  };
  for (const name of ['proxy', 'sdk']) {
    const answer = await (await globalThis.fetch(urls[name], { method: 'POST', ...requests[name] })).json();
    if (answer.status !== 'passed') throw new Error(`${name}: the read does not pass: ${JSON.stringify(answer)}`);
  }

  for (const name of ['proxy', 'sdk']) await cannon(urls[name], requests[name], 2); // warm-up
  const pids = { direct: simulator.child.pid, proxy: running.proxy.child.pid, sdk: running.sdk.child.pid };
  const targets = { direct: simulatorUrl, ...urls };
  const runs = { direct: [], proxy: [], sdk: [] };
  const cpu = { direct: 0, proxy: 0, sdk: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ['direct', 'proxy', 'sdk'] : ['direct', 'sdk', 'proxy'];
    for (const name of order) {
      const before = procStats(pids[name]).cpuS;
      runs[name].push(await cannon(targets[name], requests[name], ROUND_S));
      cpu[name] += procStats(pids[name]).cpuS - before;
    }
  }
  const memory = {};
  for (const name of ['proxy', 'sdk']) {
    const wide = await cannon(urls[name], requests[name], ROUND_S, RSS_CONNECTIONS);
    memory[name] = { ...procStats(pids[name]), rps: wide.requests.average, p99: wide.latency.p99 };
  }
  await running.proxy.stop();
  await running.sdk.stop();
  const startUp = await startUps(simulatorUrl, {
    proxy: { ...requests.proxy, headers: requests.proxy.headers },
    sdk: requests.sdk,
  });

  const d = summary(runs.direct, cpu.direct);
  const p = summary(runs.proxy, cpu.proxy);
  const s = summary(runs.sdk, cpu.sdk);
  const mb = (bytes) => bytes / 2 ** 20;
  const rows = [
    ['CPU per read (µs)', p.cpuUs, s.cpuUs, '≤ 0.50', 0],
    [`throughput, ${CONNECTIONS} conn (req/s)`, p.rps, s.rps, '≥ 1.20', 0],
    ['p50 latency (ms)', p.p50, s.p50, '', 2],
    ['p99 latency (ms)', p.p99, s.p99, '≤ 1.00', 2],
    ['spawn → first read (ms)', startUp.proxy, startUp.sdk, '≤ 0.50', 0],
    [`RSS after ${RSS_CONNECTIONS} conn (MB)`, mb(memory.proxy.rss), mb(memory.sdk.rss), '≤ 120 MB', 1],
    [`peak RSS, ${RSS_CONNECTIONS} conn (MB)`, mb(memory.proxy.peakRss), mb(memory.sdk.peakRss), '', 1],
    [`throughput, ${RSS_CONNECTIONS} conn (req/s)`, memory.proxy.rps, memory.sdk.rps, '', 0],
  ];
  console.log(
    `POST /web/results → GetWebVerificationResultIntl, ${ROUNDS} × ${ROUND_S} s alternating rounds (medians):`,
  );
  console.log(`  ${''.padEnd(30)} ${'proxy'.padStart(9)} ${'SDK server'.padStart(11)} ${'ratio'.padStart(7)}  target`);
  for (const [label, proxyValue, sdkValue, target, digits] of rows) {
    const ratio = fmt(proxyValue / sdkValue);
    console.log(
      `  ${label.padEnd(30)} ${fmt(proxyValue, digits).padStart(9)} ${fmt(sdkValue, digits).padStart(11)} ${ratio.padStart(7)}  ${target}`,
    );
  }
  console.log(`  errors / non-2xx: proxy ${p.errors}, SDK server ${s.errors} (${p.calls} and ${s.calls} reads)`);
  console.log(
    `  direct to the simulator: ${fmt(d.rps, 0)} req/s, p50 ${fmt(d.p50)} ms, p99 ${fmt(d.p99)} ms; ` +
      `the simulator spends ${fmt(d.cpuUs, 0)} µs CPU per read (calibration of this machine now)`,
  );
  console.log(`  proxy added p50 vs direct: +${fmt(p.p50 - d.p50)} ms (budget 1.5 ms)`);
}

try {
  await main();
} finally {
  stopAll();
}
