/**
 * A real HTTP server on 127.0.0.1 that answers the element's side of the proxy contract for the tab and handoff
 * modes, until the proxy routes exist (then the element tests move to the real proxy and this file goes):
 * - `POST /web/sessions` with `mode` (`tab`, `handoff`; otherwise a plain redirect flow): 201 with `handoffUrl`
 *   for handoff; RedirectURL is this server's `/web/return` (tab) or `/web/handoff/done` (handoff);
 * - `POST /web/results` and `POST /web/results/wait` (the long-poll: the verdict once there is one, else
 *   `{"status":"pending"}` after `longPollMs`), both 403 `binding_invalid` without the binding;
 * - `GET /web/return`, `/web/handoff/done`, `/web/handoff/{bizToken}`: the proxy's own pages (packages/proxy
 *   src/app/pages), and a redirect to the hosted page while the BizToken lives;
 * - `GET /hosted?token=` + `POST /hosted`: a stand-in hosted page with "Pass" and "Fail liveness" buttons that
 *   records the verdict and sends the browser to RedirectURL?token=BizToken.
 * The tests set verdicts (as a phone would) and watch the open long-polls through `control`.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// The proxy's pages, read from source until the proxy serves them on its routes (test code only).
import { handoffDonePage, handoffExpiredPage, returnPage } from '../../proxy/src/app/pages/index.js';
import type { WebVerificationResult } from '../src/states.js';

export type ContractOutcome = 'pass' | 'fail-liveness';

interface Flow {
  mode: string;
  binding: string;
  redirectUrl: string;
  verdict: WebVerificationResult | null;
  expiresAt: number;
}

export interface ContractServer {
  url: string;
  /** Records the verdict of a flow, as the phone finishing the hosted page would. */
  verdict(bizToken: string, outcome: ContractOutcome): void;
  /** Resolves once exactly `count` long-polls are open (at once if they are). */
  untilOpenWaits(count: number): Promise<void>;
  /** Long-polls received so far. */
  waitsReceived(): number;
  /** Resolves once at least `count` long-polls were received (at once if they were). */
  untilWaitsReceived(count: number): Promise<void>;
  /** Makes a flow's BizToken expire now (its handoff link then gives the expired page). */
  expire(bizToken: string): void;
  close(): Promise<void>;
}

const BIZ_TOKEN_TTL_MS = 10 * 60 * 1000;

function result(outcome: ContractOutcome): WebVerificationResult {
  const passed = outcome === 'pass';
  const errorCode = passed ? 0 : 1001;
  const attempt = {
    errorCode,
    livenessErrorCode: errorCode,
    compareErrorCode: passed ? 0 : null,
    similarity: passed ? 92 : null,
    at: new Date().toISOString(),
  };
  return {
    status: passed ? 'passed' : 'failed',
    errorCode,
    errorMessage: passed ? 'Success' : 'Liveness failed',
    similarity: attempt.similarity,
    attempts: [attempt],
    extra: null,
    requestId: randomUUID(),
  };
}

const INCOMPLETE: WebVerificationResult = {
  status: 'incomplete',
  errorCode: null,
  errorMessage: null,
  similarity: null,
  attempts: [],
  extra: null,
  requestId: 'contract',
};

export async function startContractServer(pageOrigins: string[], longPollMs = 25_000): Promise<ContractServer> {
  const flows = new Map<string, Flow>();
  const events = new EventEmitter();
  let openWaits = 0;
  let waitsReceived = 0;
  let base = '';

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const sendPage = async (response: ServerResponse, page: Response) => {
    response.writeHead(page.status, Object.fromEntries(page.headers)).end(await page.text());
  };
  const bound = (body: { bizToken?: string; binding?: string }, response: ServerResponse): Flow | null => {
    // Strict like the proxy's ResultRequestSchema: a body with any other key is refused.
    const unknown = Object.keys(body).find((key) => key !== 'bizToken' && key !== 'binding');
    if (unknown !== undefined) {
      send(response, 400, {
        error: { code: 'invalid_request', message: `Unknown field "${unknown}"`, retryable: false },
      });
      return null;
    }
    const flow = flows.get(body.bizToken ?? '');
    if (flow && flow.binding === body.binding) return flow;
    send(response, 403, {
      error: { code: 'binding_invalid', message: 'No binding for this BizToken.', retryable: false },
    });
    return null;
  };

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void> =
    {
      async 'POST /web/sessions'(request, response) {
        const body = (await readJson(request)) as { redirectUrl?: string; mode?: string };
        const bizToken = randomUUID();
        const mode = body.mode ?? 'redirect';
        const redirectUrl =
          mode === 'tab'
            ? `${base}/web/return`
            : mode === 'handoff'
              ? `${base}/web/handoff/done`
              : (body.redirectUrl ?? '');
        const flow: Flow = {
          mode,
          binding: randomUUID(),
          redirectUrl,
          verdict: null,
          expiresAt: Date.now() + BIZ_TOKEN_TTL_MS,
        };
        flows.set(bizToken, flow);
        const handoffUrl = mode === 'handoff' ? { handoffUrl: `${base}/web/handoff/${bizToken}` } : {};
        send(response, 201, {
          bizToken,
          verificationUrl: `${base}/hosted?token=${bizToken}`,
          expiresAt: new Date(flow.expiresAt).toISOString(),
          binding: flow.binding,
          ...handoffUrl,
        });
      },
      async 'POST /web/results'(request, response) {
        const flow = bound((await readJson(request)) as object, response);
        if (flow) send(response, 200, flow.verdict ?? INCOMPLETE);
      },
      async 'POST /web/results/wait'(request, response) {
        waitsReceived += 1;
        events.emit('waits');
        const body = (await readJson(request)) as { bizToken?: string };
        const flow = bound(body, response);
        if (!flow) return;
        if (flow.verdict) return send(response, 200, flow.verdict);
        openWaits += 1;
        events.emit('waits');
        const answer = (body: unknown) => {
          clearTimeout(timer);
          events.off(`verdict`, onVerdict);
          if (!response.writableEnded && !response.destroyed) send(response, 200, body);
        };
        const onVerdict = (token: string) => token === (body.bizToken ?? '') && answer(flow.verdict);
        const timer = setTimeout(() => answer({ status: 'pending' }), longPollMs);
        events.on('verdict', onVerdict);
        response.once('close', () => {
          clearTimeout(timer);
          events.off('verdict', onVerdict);
          openWaits -= 1;
          events.emit('waits');
        });
      },
      'GET /hosted'(_request, response, url) {
        const token = url.searchParams.get('token') ?? '';
        const buttons = ['pass', 'fail-liveness'].map(
          (outcome) =>
            `<button name="outcome" value="${outcome}">${outcome === 'pass' ? 'Pass' : 'Fail liveness'}</button>`,
        );
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          `<!doctype html><html lang="en"><title>Hosted page</title><form method="post" action="/hosted"><input type="hidden" name="token" value="${encodeURIComponent(token)}">${buttons.join('')}</form></html>`,
        );
      },
      async 'POST /hosted'(request, response) {
        const form = new URLSearchParams(await readText(request));
        const token = decodeURIComponent(form.get('token') ?? '');
        const flow = flows.get(token);
        if (!flow) return void response.writeHead(404).end();
        control.verdict(token, form.get('outcome') === 'pass' ? 'pass' : 'fail-liveness');
        const target = new URL(flow.redirectUrl);
        target.searchParams.set('token', token);
        response.writeHead(303, { location: target.href }).end();
      },
      'GET /web/return': (_request, response) => sendPage(response, returnPage({ openerOrigins: pageOrigins })),
      'GET /web/handoff/done': (_request, response) => sendPage(response, handoffDonePage()),
    };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    const origin = request.headers.origin;
    if (origin && pageOrigins.includes(origin)) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'Origin');
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      return void response.end();
    }
    const route = routes[`${request.method} ${url.pathname}`];
    if (route) return void Promise.resolve(route(request, response, url)).catch(() => response.writeHead(500).end());
    const handoff = /^\/web\/handoff\/([\w-]+)$/.exec(url.pathname);
    if (request.method === 'GET' && handoff) {
      const flow = flows.get(handoff[1] ?? '');
      if (flow && flow.expiresAt > Date.now())
        return void response.writeHead(302, { location: `${base}/hosted?token=${handoff[1]}` }).end();
      return void sendPage(response, handoffExpiredPage());
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const control: ContractServer = {
    url: base,
    verdict(bizToken, outcome) {
      const flow = flows.get(bizToken);
      if (!flow) throw new Error(`no flow ${bizToken}`);
      flow.verdict = result(outcome);
      events.emit('verdict', bizToken);
    },
    untilOpenWaits: (count) =>
      new Promise((resolve) => {
        const check = () => openWaits === count && (events.off('waits', check), resolve());
        events.on('waits', check);
        check();
      }),
    waitsReceived: () => waitsReceived,
    untilWaitsReceived: (count) =>
      new Promise((resolve) => {
        const check = () => waitsReceived >= count && (events.off('waits', check), resolve());
        events.on('waits', check);
        check();
      }),
    expire(bizToken) {
      const flow = flows.get(bizToken);
      if (flow) flow.expiresAt = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return control;
}

async function readText(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  return JSON.parse((await readText(request)) || 'null');
}
