// The signing proxy's overhead: POST /web/results through the proxy versus the same FaceID read
// (GetWebVerificationResultIntl, signed once) sent straight to the simulator. Both servers run as their real
// CLIs (`faceid-simulator` from dist, `faceid-proxy` through its bin, i.e. the bundle `npm run build` makes) in
// child processes on 127.0.0.1; autocannon drives them
// from this process. Prints req/s, p50, p99 (medians of alternating rounds), their ratio, the proxy's CPU time
// per proxied call and RSS (read from /proc for the proxy's pid, i.e. what process.cpuUsage/memoryUsage would
// say inside it), and spawn → first proxied response. Figures only, never assertions; about 45 s in all.
// Budgets (design.md): ≤ 150 µs CPU per call, ≤ 1.5 ms added p50 at 10 connections, start ≤ 150 ms, RSS ≤ 150 MB.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { signTc3 } from '@faceid-verify/proxy/signing';
import { nodeTc3Crypto } from '@faceid-verify/proxy/node';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';

const ROUNDS = 3;
const ROUND_S = 5;
const CONNECTIONS = 10;
const RSS_CONNECTIONS = 100;
const ORIGIN = 'http://127.0.0.1:5173';
const RETURN_URL = `${ORIGIN}/demo/`;
const children = [];

const bin = (path) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

/** Spawns a CLI and resolves with its URL once it prints `listening on <url>`. */
function start(script, args, env) {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [bin(script), ...args], { env: { PATH: process.env.PATH, ...env } });
  children.push(child);
  let output = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      // From here on only drain: the proxy logs a line per request.
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): ${output}`)));
  });
  return { child, spawnedAt, url };
}

/** CPU seconds (user + system) and RSS/peak RSS in bytes of a process, from /proc (Linux). */
function procStats(pid) {
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

const post = (url, body, headers = {}) =>
  globalThis.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

function cannon(url, { body, headers }, duration, connections = CONNECTIONS) {
  return autocannon({ url, method: 'POST', body, headers, duration, connections, pipelining: 1 });
}

/** The simulator's own request, signed once (valid 300 s): the baseline a proxy cannot beat. */
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

async function main() {
  const simulator = start('simulator/dist/cli.js', ['--port', '0', '--test-controls', '--rate-limit', '1000000000']);
  const simulatorUrl = await simulator.url;
  const proxy = start('proxy/bin/faceid-proxy.js', [], {
    PORT: '0',
    FACEID_SANDBOX: '1',
    FACEID_ENDPOINT: simulatorUrl,
    FACEID_REDIRECT_URLS: RETURN_URL,
    FACEID_RATE_LIMIT: '0',
    FACEID_UPSTREAM_RATE: '0',
  });
  const proxyUrl = await proxy.url;
  const sessionResponse = await post(`${proxyUrl}/web/sessions`, { redirectUrl: RETURN_URL }, { origin: ORIGIN });
  const firstResponseMs = performance.now() - proxy.spawnedAt;
  const session = await sessionResponse.json();
  await post(`${simulatorUrl}/__simulator/outcomes`, { token: session.bizToken, outcome: 'pass' });

  const direct = await directRequest(simulatorUrl, session.bizToken);
  const viaProxy = {
    body: JSON.stringify({ bizToken: session.bizToken, binding: session.binding }),
    headers: { 'content-type': 'application/json', origin: ORIGIN },
  };
  const check = await post(`${proxyUrl}/web/results`, JSON.parse(viaProxy.body), { origin: ORIGIN });
  if ((await check.json()).status !== 'passed') throw new Error('the proxied read does not pass');

  await cannon(simulatorUrl, direct, 2);
  await cannon(`${proxyUrl}/web/results`, viaProxy, 2);
  const rounds = { direct: [], proxy: [] };
  let proxiedCalls = 0;
  let proxyCpuS = 0;
  let directCalls = 0;
  let simulatorCpuS = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const simulatorBefore = procStats(simulator.child.pid).cpuS;
    const directRun = await cannon(simulatorUrl, direct, ROUND_S);
    simulatorCpuS += procStats(simulator.child.pid).cpuS - simulatorBefore;
    directCalls += directRun.requests.total;
    rounds.direct.push(directRun);
    const before = procStats(proxy.child.pid).cpuS;
    const result = await cannon(`${proxyUrl}/web/results`, viaProxy, ROUND_S);
    proxyCpuS += procStats(proxy.child.pid).cpuS - before;
    proxiedCalls += result.requests.total;
    rounds.proxy.push(result);
  }
  const wide = await cannon(`${proxyUrl}/web/results`, viaProxy, ROUND_S, RSS_CONNECTIONS);
  const memory = procStats(proxy.child.pid);

  const summary = (runs) => ({
    rps: median(runs.map((r) => r.requests.average)),
    p50: median(runs.map((r) => r.latency.p50)),
    p99: median(runs.map((r) => r.latency.p99)),
    errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
  });
  const d = summary(rounds.direct);
  const p = summary(rounds.proxy);
  console.log(`POST /web/results, ${CONNECTIONS} connections, ${ROUNDS} × ${ROUND_S} s rounds (medians):`);
  console.log(
    `  direct to simulator   ${fmt(d.rps, 0).padStart(7)} req/s  p50 ${fmt(d.p50)} ms  p99 ${fmt(d.p99)} ms  (${d.errors} errors)`,
  );
  console.log(
    `  through the proxy     ${fmt(p.rps, 0).padStart(7)} req/s  p50 ${fmt(p.p50)} ms  p99 ${fmt(p.p99)} ms  (${p.errors} errors)`,
  );
  console.log(
    `  proxy/direct          ${fmt(p.rps / d.rps)} × throughput, +${fmt(p.p50 - d.p50)} ms p50 (budget 1.5 ms)`,
  );
  console.log(
    `  proxy CPU per call    ${fmt((proxyCpuS * 1e6) / proxiedCalls, 0)} µs (budget 150 µs; ${proxiedCalls} calls)`,
  );
  console.log(
    `  calibration           the simulator spends ${fmt((simulatorCpuS * 1e6) / directCalls, 0)} µs CPU per direct call (HTTP + TC3 check + JSON) on this machine now`,
  );
  console.log(
    `  proxy RSS             ${fmt(memory.rss / 2 ** 20, 1)} MB now, ${fmt(memory.peakRss / 2 ** 20, 1)} MB peak after ${RSS_CONNECTIONS} connections (${fmt(wide.requests.average, 0)} req/s; budget 150 MB)`,
  );
  console.log(
    `  spawn → first proxied response  ${fmt(firstResponseMs, 0)} ms (budget 150 ms; includes Node start-up)`,
  );
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
