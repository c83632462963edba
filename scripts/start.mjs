// `npm start`: the FaceID simulator (unless TENCENTCLOUD_SECRET_ID/KEY are set), then one server on PORT with
// the demo pages, the signing proxy at /faceid and the backend example at /api/kyc. Ctrl-C stops everything.
// The simulator listens on 127.0.0.1, the pages on localhost: the hosted page is a real cross-site round trip.
// Every flow is recorded in a SQLite ledger in a temporary folder; in sandbox, the proxy's worker sends each
// verdict as a signed webhook to the backend example on this same server.
import { upstreamReaderOf } from '@faceid-verify/proxy';
import { newWebhookSecret } from '@faceid-verify/proxy/ledger';
import { startLedgerWorker } from '@faceid-verify/proxy/node';
import { serveSimulator } from '@faceid-verify/simulator/node';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { createKycBackend } from './start/backend.mjs';
import { readStartConfig, StartError } from './start/config.mjs';
import { buildDemo } from './start/demo-build.mjs';
import { openDemoLedger } from './start/ledger.mjs';
import { assertPortFree, listen } from './start/listen.mjs';
import { createDemoProxy } from './start/proxy.mjs';
import { createDemoApp } from './start/server.mjs';
import { createTestControls } from './start/test-controls.mjs';

const HOSTNAME = '127.0.0.1';
/** The backend example's webhook endpoint on the demo server. */
const WEBHOOK_PATH = '/api/kyc/webhooks';
/** Webhooks leave soon after a verdict: the page is waiting for its server's decision. */
const DELIVERY_INTERVAL_MS = 250;

/** @type {(() => Promise<void>)[]} closed in reverse order on exit */
const closers = [];

async function main() {
  const config = readStartConfig(process.env);
  await assertPortFree(config.port, HOSTNAME, 'PORT');
  if (config.upstream === 'simulator') await assertPortFree(config.simulatorPort, HOSTNAME, 'SIMULATOR_PORT');

  const demo = await buildDemo();
  closers.push(demo.remove);
  const simulator = config.upstream === 'simulator' ? await startSimulator(config) : undefined;
  const flows = await openDemoLedger();
  closers.push(flows.close);

  /** @type {import('hono').Hono | undefined} */
  let app;
  const server = await listen(
    (request, env) => (app ? app.fetch(request, env) : new globalThis.Response('Starting', { status: 503 })),
    { port: config.port, hostname: HOSTNAME, variable: 'PORT' },
  );
  closers.push(server.close);
  const assembled = assembleDemoApp({ config, port: server.port, simulatorUrl: simulator?.url, demo, flows });
  app = assembled.app;

  printBanner({
    url: `http://localhost:${server.port}/`,
    simulatorUrl: simulator?.url,
    buildMs: demo.ms,
    testControls: config.testControls,
    flowsFile: flows.file,
    webhookUrl: assembled.webhookUrl,
  });
}

/** @param {import('./start/config.mjs').StartConfig} config */
async function startSimulator(config) {
  const simulator = await serveSimulator({
    port: config.simulatorPort,
    hostname: HOSTNAME,
    credentials: [DEMO_CREDENTIALS],
    testControls: config.testControls,
  });
  closers.push(simulator.close);
  return simulator;
}

/**
 * The proxy, its ledger's worker, the backend example and the pages, for the port the server got (PORT=0 picks
 * one). Webhooks go to this server over http, which only sandbox allows: with real credentials they stay off
 * and the backend example decides from the proxy's ledger instead (README "Results on your server" for https).
 * @param {{ config: import('./start/config.mjs').StartConfig, port: number, simulatorUrl: string | undefined,
 *   demo: { distDir: string, elementPages: string[] },
 *   flows: Awaited<ReturnType<typeof openDemoLedger>> }} parts
 * @returns {{ app: import('hono').Hono, webhookUrl: string | undefined }}
 */
function assembleDemoApp({ config, port, simulatorUrl, demo, flows }) {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const testControls = config.testControls ? createTestControls() : undefined;
  const { proxy, apiKey } = createDemoProxy({
    env: process.env,
    upstream: config.upstream,
    simulatorUrl,
    origins,
    redirectUrls: origins.flatMap((origin) => demo.elementPages.map((page) => `${origin}${page}`)),
    now: testControls?.now,
    ledger: flows.ledger,
  });
  const webhookUrl = config.upstream === 'simulator' ? `http://${HOSTNAME}:${port}${WEBHOOK_PATH}` : undefined;
  const webhookSecrets = webhookUrl ? (config.webhookSecrets ?? [newWebhookSecret()]) : undefined;
  const worker = startLedgerWorker({
    ledger: flows.ledger,
    readResult: upstreamReaderOf(flows.ledger),
    reconcileIntervalMs: config.reconcileIntervalMs,
    deliveryIntervalMs: DELIVERY_INTERVAL_MS,
    ...(webhookUrl && webhookSecrets && { webhook: { url: webhookUrl, secrets: webhookSecrets } }),
    onError: (error) => console.error(`npm start: ledger: ${/** @type {Error} */ (error).message}`),
  });
  closers.push(worker.stop);
  const backend = createKycBackend({ flowsUrl: `http://${HOSTNAME}:${port}/faceid/flows`, apiKey, webhookSecrets });
  return { app: createDemoApp({ proxy, backend, distDir: demo.distDir, testControls }), webhookUrl };
}

/**
 * @param {{ url: string, simulatorUrl: string | undefined, buildMs: number, testControls: boolean,
 *   flowsFile: string, webhookUrl: string | undefined }} facts
 */
function printBanner({ url, simulatorUrl, buildMs, testControls, flowsFile, webhookUrl }) {
  const upstream = simulatorUrl
    ? `FaceID simulator at ${simulatorUrl} (no credentials set; nothing leaves this machine)`
    : `Tencent Cloud FaceID (${process.env.FACEID_REGION || 'ap-singapore'}) with your credentials`;
  console.log(`\nfaceid-verify demo (pages built in ${buildMs} ms)`);
  console.log(`  upstream: ${upstream}`);
  console.log(`  proxy:    ${url}faceid`);
  console.log(`  flows:    SQLite file ${flowsFile} (temporary, removed on exit)`);
  console.log(
    webhookUrl
      ? `  webhooks: ${webhookUrl} (Standard Webhooks, signed with FACEID_WEBHOOK_SECRET or a secret made for this run)`
      : '  webhooks: off (they need https outside sandbox); the backend example reads the proxy’s ledger instead',
  );
  if (testControls) console.log('  test controls: on (/__simulator/* on the simulator, /__demo/* here)');
  console.log(`\n  Open ${url}\n\nPress Ctrl-C to stop.`);
}

async function stop(exitCode = 0) {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  process.exit(exitCode);
}

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait
    stopping = true;
    void stop(0);
  });
}

/** Errors the user fixes by changing a variable: StartError (ours) and EnvError (the proxy's settings). */
const isConfigError = (/** @type {any} */ error) => error instanceof StartError || error?.name === 'EnvError';

main().catch((error) => {
  console.error(isConfigError(error) ? `\nnpm start: ${error.message}` : error);
  void stop(1);
});
