// Sustained flows through 1 and through 3 faceid-proxy CLIs on one PostgreSQL, against the simulator CLI at FaceID's
// default 20 calls per second per Action. Each flow is a session start (ApplyWebVerificationBizTokenIntl), the user
// passing on the hosted page, and one browser read (GetWebVerificationResultIntl): so an account allows at most 20
// flows per second, and the figure is the fraction of that bound reached. Also counts what clients saw:
// RequestLimitExceeded must never reach one; 503 upstream_busy (queued past a deadline) is the proxy's back-pressure.
// "busiest second": the most calls of one Action the simulator received in any 1000 ms (it refuses past 20; the
// proxy pauses that Action 1 s and retries the refused call, so no client sees the refusal).
// Figures only, no assertions. Needs PostgreSQL binaries (apt-get install postgresql) and the built packages.
// Usage: node scripts/bench/scale.mjs [seconds per run, default 30] [clients, default 60]
import { performance } from 'node:perf_hooks';
import { findPostgresBin, startPostgres } from '../postgres.mjs';
import { fmt, start, stopAll } from './lib/processes.mjs';

const SECONDS = Number(process.argv[2] ?? 30);
const CLIENTS = Number(process.argv[3] ?? 60);
const ACCOUNT_LIMIT = 20;
/** Flows completed in the first seconds are left out of "sustained": the cold burst of every client at once. */
const WARM_UP_MS = 5000;
const ORIGIN = 'http://localhost:5173';
const RETURN = `${ORIGIN}/demo/`;

if (!findPostgresBin()) {
  console.log('PostgreSQL binaries not installed (apt-get install postgresql): skipped');
  process.exit(0);
}

const post = (url, body, headers = {}) =>
  globalThis.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });

/** The most calls of one Action the simulator received in any 1000 ms (its log keeps the last 1000 calls). */
function busiestSecond(calls) {
  const byAction = new Map();
  for (const { action, at } of calls) byAction.set(action, [...(byAction.get(action) ?? []), at]);
  let most = 0;
  for (const times of byAction.values()) {
    times.sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i] - times[j] >= 1000) j += 1;
      most = Math.max(most, i - j + 1);
    }
  }
  return most;
}

async function run(instances, postgres) {
  const simulator = start('packages/simulator/dist/cli.js', ['--port', '0', '--test-controls']);
  const simulatorUrl = await simulator.url;
  const env = {
    FACEID_ENDPOINT: simulatorUrl,
    FACEID_REDIRECT_URLS: RETURN,
    FACEID_RATE_LIMIT: '0',
    FACEID_DATABASE_URL: await postgres.database(),
    FACEID_BINDING_SECRET: 'EXAMPLE-bench-scale-binding-secret-0123456789',
    PORT: '0',
  };
  const proxies = [start('packages/proxy/bin/faceid-proxy.js', [], env)];
  await proxies[0].url; // migrations first
  for (let i = 1; i < instances; i += 1) proxies.push(start('packages/proxy/bin/faceid-proxy.js', [], env));
  const urls = await Promise.all(proxies.map((proxy) => proxy.url));
  const seen = { flows: 0, sustained: 0, busy: 0, limitExceeded: 0, other: [] };
  const note = async (response) => {
    if (response.ok) return response.json();
    const error = (await response.json().catch(() => ({})))?.error ?? {};
    if (error.upstreamCode?.startsWith('RequestLimitExceeded')) seen.limitExceeded += 1;
    else if (error.code === 'upstream_busy') seen.busy += 1;
    else seen.other.push(`${response.status} ${error.code}`);
    return null;
  };
  const started = performance.now();
  const until = started + SECONDS * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < until) {
      const url = urls[next++ % urls.length];
      const session = await note(await post(`${url}/web/sessions`, { redirectUrl: RETURN }));
      if (!session) continue;
      await post(`${simulatorUrl}/__simulator/outcomes`, { token: session.bizToken, outcome: 'pass' });
      const read = await note(
        await post(`${url}/web/results`, { bizToken: session.bizToken, binding: session.binding }),
      );
      if (read?.status === 'passed') {
        seen.flows += 1;
        const at = performance.now();
        if (at >= started + WARM_UP_MS && at < until) seen.sustained += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - started) / 1000;
  const { calls } = await (await globalThis.fetch(`${simulatorUrl}/__simulator/calls`)).json();
  seen.busiestSecond = busiestSecond(calls);
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  await simulator.stop();
  return {
    instances,
    perSecond: seen.flows / elapsed,
    sustainedPerSecond: seen.sustained / (SECONDS - WARM_UP_MS / 1000),
    ...seen,
  };
}

const postgres = await startPostgres();
try {
  console.log(
    `${SECONDS} s per run, ${CLIENTS} clients, simulator at ${ACCOUNT_LIMIT}/s per Action, FACEID_UPSTREAM_RATE default`,
  );
  console.log(
    `sustained: flows completed after the first ${WARM_UP_MS / 1000} s (every client starting at once); whole run: from the first request to the last answer`,
  );
  console.log(
    'instances  sustained flows/s  flows/min  of the 20/s bound  whole run  busiest second  RequestLimitExceeded seen  upstream_busy  other errors',
  );
  for (const instances of [1, 3]) {
    const r = await run(instances, postgres);
    const other = r.other.length ? ` (${[...new Set(r.other)].join(', ')})` : '';
    console.log(
      [
        String(r.instances).padStart(9),
        fmt(r.sustainedPerSecond, 1).padStart(17),
        fmt(r.sustainedPerSecond * 60, 0).padStart(9),
        fmt(r.sustainedPerSecond / ACCOUNT_LIMIT).padStart(17),
        fmt(r.perSecond / ACCOUNT_LIMIT).padStart(9),
        String(r.busiestSecond).padStart(14),
        String(r.limitExceeded).padStart(25),
        String(r.busy).padStart(13),
        `${String(r.other.length).padStart(12)}${other}`,
      ].join('  '),
    );
  }
} finally {
  stopAll();
  await postgres.stop();
}
