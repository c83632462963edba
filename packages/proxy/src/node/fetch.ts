/**
 * A `fetch`-compatible transport built on undici's `request` with a keep-alive `Agent`: the same call costs
 * roughly a quarter of the CPU of Node's global `fetch` (design.md, Performance).
 * It never follows redirects: a 3xx answer is returned as is (the FaceID client rejects it as a bad response).
 */
import { Agent, request, type Dispatcher } from 'undici';

export interface UndiciFetchOptions {
  /** Connection pool. Default: one shared keep-alive `Agent`, created on first use. */
  dispatcher?: Dispatcher | undefined;
}

type Body = string | Uint8Array | null;
// Statuses whose Response must have a null body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
let sharedAgent: Agent | undefined;

function defaultAgent(): Agent {
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  return sharedAgent;
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  return headers as Record<string, string>;
}

function requestBody(body: RequestInit['body']): Body {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array)
    return body ?? null;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('undiciFetch: body must be a string, Uint8Array, ArrayBuffer or null');
}

function responseHeaders(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

/**
 * Makes a `fetch` that sends through undici's `request`. Honours `method`, `headers`, `body` (string, bytes),
 * and `signal` (aborts the request and the reading of its body); the body is read in full before it resolves.
 * @throws {TypeError} for a `Request` object or a streaming/form body; rejects with `signal.reason` on abort.
 */
export function createUndiciFetch(options: UndiciFetchOptions = {}): typeof fetch {
  return async (input, init = {}) => {
    if (typeof input !== 'string' && !(input instanceof URL)) {
      throw new TypeError('undiciFetch: pass a URL string or URL, not a Request');
    }
    const answer = await request(input, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: plainHeaders(init.headers),
      body: requestBody(init.body),
      signal: init.signal ?? undefined,
      dispatcher: options.dispatcher ?? defaultAgent(),
    });
    const bytes = await answer.body.arrayBuffer();
    const empty = NULL_BODY_STATUSES.has(answer.statusCode);
    return new Response(empty ? null : bytes, {
      status: answer.statusCode,
      statusText: answer.statusText ?? '',
      headers: responseHeaders(answer.headers),
    });
  };
}

/** `createUndiciFetch()` with the shared keep-alive Agent. */
export const undiciFetch: typeof fetch = createUndiciFetch();
