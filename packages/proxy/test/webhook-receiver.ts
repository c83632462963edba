/**
 * A real webhook receiver on 127.0.0.1 (node:http) that verifies every request with `standardwebhooks`,
 * as an integrator's server would, and answers what the test says: a status, a redirect, or no answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Answer = number | 'hang' | { redirect: string };

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The verified, parsed payload, or null when verification failed. */
  payload: { type: string; timestamp: string; data: Record<string, unknown> } | null;
  answered: Answer;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves with the first request, received now or later, that `match` accepts. */
  waitFor(match: (hook: ReceivedWebhook) => boolean): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** @param answer decides each answer from the request's webhook-id and how many requests came before. */
export async function startReceiver(
  secret: string,
  answer: (received: ReceivedWebhook[]) => Answer = () => 200,
): Promise<WebhookReceiver> {
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<(hook: ReceivedWebhook) => void>();
  const sockets = new Set<Socket>();
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    let payload: ReceivedWebhook['payload'] = null;
    try {
      payload = verifier.verify(body, headers) as ReceivedWebhook['payload'];
    } catch {
      payload = null;
    }
    const decided = answer(received);
    const hook: ReceivedWebhook = {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      body,
      payload,
      answered: decided,
    };
    received.push(hook);
    for (const waiter of [...waiters]) waiter(hook);
    if (decided === 'hang') return;
    if (typeof decided === 'object') response.writeHead(302, { location: decided.redirect }).end();
    else response.writeHead(decided, { 'content-type': 'text/plain' }).end(String(decided));
  };
  const server = createServer((request, response) => void handle(request, response));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/faceid`,
    received,
    waitFor: (match) =>
      new Promise((resolve) => {
        const seen = received.find(match);
        if (seen) return resolve(seen);
        const waiter = (hook: ReceivedWebhook) => {
          if (!match(hook)) return;
          waiters.delete(waiter);
          resolve(hook);
        };
        waiters.add(waiter);
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Waits until every BizToken of `bizTokens` has an event the receiver answered 2xx, polling every 250 ms.
 * @returns the BizTokens still without one after `timeoutMs` (empty when all arrived).
 */
export async function undelivered(receiver: WebhookReceiver, bizTokens: readonly string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivered = new Set(
      receiver.received.filter((hook) => hook.answered === 200).map((hook) => hook.payload?.data['bizToken']),
    );
    const missing = bizTokens.filter((bizToken) => !delivered.has(bizToken));
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
