/**
 * Test helper (not exported from the package): a loopback HTTP server that plays FaceID's API endpoint.
 * It records every call, re-computes its TC3-HMAC-SHA256 signature with `computeTc3Signature` exactly as
 * FaceID would (signed host = Host header without port), and answers with whatever the test's handler says.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeTc3Signature } from '../src/signing/sign.js';
import { nodeTc3Crypto } from '../src/node/crypto.js';

export interface RecordedCall {
  method: string;
  action: string | undefined;
  region: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
  /** The Authorization header matches the signature re-computed with the SecretKey of its SecretId. */
  signatureValid: boolean;
}

/** What to answer: `body` objects are sent as JSON, strings verbatim; `hang` never answers; `drop` resets. */
export interface TestReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  hang?: boolean;
  drop?: boolean;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

export interface TestCredential {
  secretId: string;
  secretKey: string;
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/[^,]+, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function signatureValid(headers: IncomingHttpHeaders, body: string, keys: TestCredential[]): Promise<boolean> {
  const authorization = header(headers, 'authorization') ?? '';
  const secretId = AUTHORIZATION.exec(authorization)?.[1];
  const secretKey = keys.find((key) => key.secretId === secretId)?.secretKey;
  const host = new URL(`http://${header(headers, 'host') ?? ''}`).hostname;
  if (!secretId || !secretKey) return false;
  const expected = await computeTc3Signature(
    {
      secretId,
      secretKey,
      service: 'faceid',
      host,
      action: header(headers, 'x-tc-action') ?? '',
      version: header(headers, 'x-tc-version') ?? '',
      timestamp: Number(header(headers, 'x-tc-timestamp')),
      body,
      contentType: header(headers, 'content-type') ?? '',
    },
    { crypto: nodeTc3Crypto, keyCache: null },
  ).catch(() => undefined);
  return expected?.authorization === authorization;
}

function send(res: ServerResponse, reply: TestReply): void {
  if (reply.hang) return;
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  const body = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

/** Starts the server on 127.0.0.1, a free port. `credentials` are the keys it accepts. */
export async function startTestServer(
  handler: (call: RecordedCall) => TestReply | Promise<TestReply>,
  credentials: TestCredential[] = [],
): Promise<TestServer> {
  const calls: RecordedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void (async () => {
        const call: RecordedCall = {
          method: req.method ?? '',
          action: header(req.headers, 'x-tc-action'),
          region: header(req.headers, 'x-tc-region'),
          headers: req.headers,
          body,
          signatureValid: await signatureValid(req.headers, body, credentials),
        };
        calls.push(call);
        send(res, await handler(call));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
