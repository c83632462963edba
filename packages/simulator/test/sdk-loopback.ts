/**
 * Runs Tencent's own Node SDKs against a simulator over loopback. The SDK keeps the real host name (it is
 * signed); an http.Agent whose createConnection dials 127.0.0.1 routes the connection to the simulator.
 */
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { serveSimulator } from '../src/node.js';
import { DEMO_CREDENTIALS, type SimulatorCredential } from '../src/types.js';

export type SdkReply = Record<string, unknown>;
type Callback = (error: unknown, reply: SdkReply) => void;
interface IntlFaceidClient {
  [action: string]: (request: object, callback: Callback) => void;
}
interface IntlSdk {
  faceid: {
    v20180301: {
      Client: new (
        credential: { secretId: string; secretKey: string },
        region: string,
        profile?: object,
      ) => IntlFaceidClient;
    };
  };
  common: { ClientProfile: new (signMethod?: string, httpProfile?: object) => object };
}

const intlSdk = createRequire(import.meta.url)('tencentcloud-sdk-nodejs-intl-en') as IntlSdk;

export interface LoopbackSimulator {
  url: string;
  /** A fresh agent that sends every connection to the simulator, whatever host the URL names. */
  agent(): http.Agent;
  /** Moves the simulator's clock `ms` ahead of the real one (0 = back in step). */
  setClockOffset(ms: number): void;
  /** Restores Node's global agent and closes the simulator. */
  close(): Promise<void>;
}

/**
 * Serves a simulator with test controls and points `http.globalAgent` at it: the intl-en SDK has no agent
 * option, and its node-fetch uses the global agent for http:// URLs.
 */
export async function startLoopbackSimulator(): Promise<LoopbackSimulator> {
  let clockOffsetMs = 0;
  const simulator = await serveSimulator({ testControls: true, now: () => Date.now() + clockOffsetMs });
  const port = Number(new URL(simulator.url).port);
  const agent = () => {
    const loopback = new http.Agent({ keepAlive: false });
    loopback.createConnection = () => net.connect(port, '127.0.0.1');
    return loopback;
  };
  const savedGlobalAgent = http.globalAgent;
  http.globalAgent = agent();
  return {
    url: simulator.url,
    agent,
    setClockOffset: (ms) => (clockOffsetMs = ms),
    close: async () => {
      http.globalAgent = savedGlobalAgent;
      await simulator.close();
    },
  };
}

/**
 * The intl-en FaceidClient (default endpoint faceid.intl.tencentcloudapi.com, region ap-singapore) over http.
 * @param signMethod `TC3-HMAC-SHA256`, `HmacSHA1`, or undefined for the SDK's default profile (`HmacSHA256`).
 */
export function intlClient(signMethod: string | undefined, credential: SimulatorCredential = DEMO_CREDENTIALS) {
  const { Client } = intlSdk.faceid.v20180301;
  const profile = new intlSdk.common.ClientProfile(signMethod, {
    protocol: 'http://',
    reqMethod: 'POST',
    reqTimeout: 10,
    headers: {},
  });
  const client = new Client(
    { secretId: credential.secretId, secretKey: credential.secretKey },
    'ap-singapore',
    profile,
  );
  return (action: string, request: object) =>
    new Promise<SdkReply>((resolve, reject) => {
      const method = client[action];
      if (!method) throw new Error(`the intl SDK has no ${action}`);
      method.call(client, request, (error, reply) => (error ? reject(error as Error) : resolve(reply)));
    });
}

/** The SDK's own steps before sending a v1 call (AbstractClient.doRequest): flatten, add common params, sign. */
interface V1Internals {
  mergeData(request: object): Record<string, unknown>;
  formatRequestData(action: string, params: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The form fields the intl-en SDK would send for `action` with a v1 `signMethod`, signed by the SDK itself,
 * as strings (what `querystring.stringify` puts on the wire). For tests that alter a field after signing.
 */
export function intlV1Form(
  signMethod: string | undefined,
  action: string,
  request: object,
  credential: SimulatorCredential = DEMO_CREDENTIALS,
): Record<string, string> {
  const { Client } = intlSdk.faceid.v20180301;
  const profile = new intlSdk.common.ClientProfile(signMethod, {
    protocol: 'https://',
    reqMethod: 'POST',
    headers: {},
  });
  const client = new Client(credential, 'ap-singapore', profile) as unknown as V1Internals;
  const params = client.formatRequestData(action, client.mergeData(request));
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

/** `POST /__simulator<path>` with a JSON body; throws unless it answers 2xx. */
export async function control(simulatorUrl: string, path: string, body: object): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__simulator${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}

/** Presses a hosted-page button; returns the 303's Location. */
export async function choose(simulatorUrl: string, token: string, outcome: string): Promise<string | null> {
  const response = await fetch(`${simulatorUrl}/verify`, {
    method: 'POST',
    body: new URLSearchParams({ token, outcome }),
    redirect: 'manual',
  });
  return response.headers.get('location');
}
