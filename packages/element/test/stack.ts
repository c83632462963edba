/**
 * The real servers the element's browser tests talk to, each a simulator (with test controls) behind a signing
 * proxy that allows the test page's origin. Started by global-setup.ts in the Vitest process; the browser
 * reaches them over loopback. Test files run side by side, so what one test breaks must not reach another's:
 * - `main`: shared by every test that needs an ordinary flow;
 * - `expiring`: BizTokens expire after 1 ms, for the `expired` status without moving any clock;
 * - `faulty`: faults and a proxy that goes down and up again, used by errors.browser.test.ts only.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { serveFaceIdProxy, type RunningFaceIdProxy } from '@faceid-verify/proxy/node';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { serveSimulator, type RunningSimulator } from '@faceid-verify/simulator/node';
import { startContractServer, type ContractOutcome } from './contract-server.js';

export type PairName = 'main' | 'expiring' | 'faulty';

/** What the tests may ask of the servers, through the browser commands in vite.config.ts. */
export interface StackControl {
  simulatorOutcome(token: string, outcome: string, pair?: PairName): Promise<void>;
  /** Injects a simulator fault (`http-500`, `hang`, …) for the next `count` calls, on the `faulty` pair. */
  simulatorFault(mode: string, count: number): Promise<void>;
  /** Stops the `faulty` proxy (its port then refuses connections) / starts it again on the same port. */
  proxyDown(): Promise<void>;
  proxyUp(): Promise<void>;
  /** The `<html lang>` of the simulator's hosted page at a VerificationURL: the language the proxy passed on. */
  hostedPageLanguage(verificationUrl: string): Promise<string | null>;
  /** The contract server (tab and handoff modes): records a flow's verdict, as the phone finishing would. */
  contractVerdict(bizToken: string, outcome: ContractOutcome): Promise<void>;
  /** Resolves once exactly `count` long-polls (`POST /web/results/wait`) are open on the contract server. */
  contractUntilOpenWaits(count: number): Promise<void>;
  /** How many long-polls the contract server received so far. */
  contractWaitsReceived(): Promise<number>;
  /** Resolves once the contract server received at least `count` long-polls. */
  contractUntilWaitsReceived(count: number): Promise<void>;
  /** Makes a contract flow's BizToken expire now. */
  contractExpire(bizToken: string): Promise<void>;
}

export type StackUrls = Record<`${PairName}ProxyUrl`, string> & {
  mainSimulatorUrl: string;
  /** Accepts connections and never answers: holds the element in `starting` or `checking`. */
  hangingProxyUrl: string;
  /** The tab and handoff contract (contract-server.ts), with a 1 s long-poll so the `pending` loop runs too. */
  contractProxyUrl: string;
};

const CONTRACT_LONG_POLL_MS = 1000;

/** Where global-setup leaves the control for the browser commands (a different module graph, same process). */
export const STACK_CONTROL_KEY = Symbol.for('faceid-verify.element-test.stack');

interface Pair {
  simulator: RunningSimulator;
  proxy: RunningFaceIdProxy | null;
}

export async function startStack(pageOrigins: string[]) {
  const hanging = await startHangingServer();
  const contract = await startContractServer(pageOrigins, CONTRACT_LONG_POLL_MS);
  const pairs: Record<PairName, Pair> = {
    main: await startPair(pageOrigins, {}),
    expiring: await startPair(pageOrigins, { bizTokenTtlMs: 1 }),
    faulty: await startPair(pageOrigins, {}),
  };
  const urls: StackUrls = {
    mainProxyUrl: pairs.main.proxy!.url,
    expiringProxyUrl: pairs.expiring.proxy!.url,
    faultyProxyUrl: pairs.faulty.proxy!.url,
    mainSimulatorUrl: pairs.main.simulator.url,
    hangingProxyUrl: hanging.url,
    contractProxyUrl: contract.url,
  };
  const faulty = pairs.faulty;
  const control: StackControl = {
    simulatorOutcome: (token, outcome, pair = 'main') =>
      post(`${pairs[pair].simulator.url}/__simulator/outcomes`, { token, outcome }),
    simulatorFault: (mode, count) => post(`${faulty.simulator.url}/__simulator/faults`, { mode, count }),
    async proxyDown() {
      await faulty.proxy?.close();
      faulty.proxy = null;
    },
    async proxyUp() {
      faulty.proxy ??= await serveProxy(pageOrigins, faulty.simulator.url, Number(new URL(urls.faultyProxyUrl).port));
    },
    async hostedPageLanguage(verificationUrl) {
      const html = await (await fetch(verificationUrl)).text();
      return /<html lang="([^"]*)"/.exec(html)?.[1] ?? null;
    },
    contractVerdict: async (bizToken, outcome) => contract.verdict(bizToken, outcome),
    contractUntilOpenWaits: (count) => contract.untilOpenWaits(count),
    contractWaitsReceived: async () => contract.waitsReceived(),
    contractUntilWaitsReceived: (count) => contract.untilWaitsReceived(count),
    contractExpire: async (bizToken) => contract.expire(bizToken),
  };
  const close = async () => {
    const closing = Object.values(pairs).flatMap((pair) => [pair.proxy?.close(), pair.simulator.close()]);
    await Promise.all([...closing, hanging.close(), contract.close()]);
  };
  return { urls, control, close };
}

/** A TCP server that takes every connection and never answers. */
async function startHangingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function startPair(pageOrigins: string[], simulatorOptions: { bizTokenTtlMs?: number }): Promise<Pair> {
  const simulator = await serveSimulator({ testControls: true, port: 0, ...simulatorOptions });
  return { simulator, proxy: await serveProxy(pageOrigins, simulator.url, 0) };
}

function serveProxy(pageOrigins: string[], simulatorUrl: string, port: number): Promise<RunningFaceIdProxy> {
  return serveFaceIdProxy({
    credentials: DEMO_CREDENTIALS,
    endpoint: simulatorUrl,
    sandbox: true,
    allowedOrigins: pageOrigins,
    // Vitest's tester page is served at `/` of the browser origin; its query (sessionId, …) is dropped.
    redirectUrls: pageOrigins.map((origin) => `${origin}/`),
    rateLimit: false,
    retries: 0,
    logger: () => {},
    port,
  });
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}
