import type { WebVerificationResult } from './states.js';

/** Per-request timeout (ms) when the element is not told otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The element's own error codes, next to the proxy's (`origin_not_allowed`, `binding_invalid`, `rate_limited`,
 * `upstream_unavailable`, …, design.md "Errors").
 */
export const ElementErrorCode = {
  missingProxy: 'missing_proxy',
  proxyUnreachable: 'proxy_unreachable',
  timeout: 'timeout',
  badResponse: 'bad_response',
  sessionNotFound: 'session_not_found',
} as const;

/** A failed call to the proxy: its JSON error envelope, or what the element saw instead. */
export class ProxyError extends Error {
  override name = 'ProxyError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    /** HTTP status, 0 when no response arrived. */
    readonly status = 0,
  ) {
    super(message);
  }
}

/** `POST {proxy}/web/sessions` request body. */
export interface SessionRequest {
  redirectUrl: string;
  language: 'en' | 'zh-cn' | 'zh-tc' | 'th' | 'id';
}

/** `POST {proxy}/web/sessions` 201 body. */
export interface SessionResponse {
  bizToken: string;
  verificationUrl: string;
  /** ISO 8601. */
  expiresAt: string;
  /** Opaque proof, issued by the proxy, that this browser started this BizToken. */
  binding: string;
}

export interface CallOptions {
  /** Aborting it cancels the request silently (the caller has moved on): the promise rejects with an AbortError. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** Starts a web verification. Rejects with ProxyError (or an AbortError when `signal` aborts). */
export async function createSession(proxy: string, body: SessionRequest, options: CallOptions) {
  const json = await postJson(proxy, '/web/sessions', body, options);
  if (!hasStrings(json, ['bizToken', 'verificationUrl', 'expiresAt', 'binding'])) throw badResponse();
  return json as SessionResponse;
}

/** Reads a result with the binding issued for its BizToken. Rejects like createSession. */
export async function fetchResult(proxy: string, body: { bizToken: string; binding: string }, options: CallOptions) {
  const json = await postJson(proxy, '/web/results', body, options);
  const status = isRecord(json) ? json['status'] : undefined;
  if (status !== 'passed' && status !== 'failed' && status !== 'incomplete' && status !== 'expired') {
    throw badResponse();
  }
  return json as unknown as WebVerificationResult;
}

/** `{proxy}{path}` resolved against the page, so `proxy="/faceid"` and absolute URLs both work. */
export function proxyEndpoint(proxy: string, path: string): string {
  return new URL(proxy.replace(/\/+$/, '') + path, document.baseURI).href;
}

async function postJson(proxy: string, path: string, body: unknown, { signal, timeoutMs }: CallOptions) {
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), timeoutMs);
  try {
    const response = await fetch(proxyEndpoint(proxy, path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, timer.signal]),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFromEnvelope(response.status, json);
    return json;
  } catch (error) {
    if (signal.aborted || error instanceof ProxyError) throw error;
    if (timer.signal.aborted) {
      throw new ProxyError(ElementErrorCode.timeout, `The proxy did not answer within ${timeoutMs} ms.`, true);
    }
    throw new ProxyError(ElementErrorCode.proxyUnreachable, `The proxy at ${proxy} could not be reached.`, true);
  } finally {
    clearTimeout(timeout);
  }
}

function errorFromEnvelope(status: number, json: unknown): ProxyError {
  const error = isRecord(json) ? json['error'] : undefined;
  if (isRecord(error) && typeof error['code'] === 'string') {
    const message = typeof error['message'] === 'string' ? error['message'] : error['code'];
    return new ProxyError(error['code'], message, error['retryable'] === true, status);
  }
  return new ProxyError(ElementErrorCode.badResponse, `The proxy answered HTTP ${status}.`, status >= 500, status);
}

function badResponse(): ProxyError {
  return new ProxyError(ElementErrorCode.badResponse, 'The proxy answered with an unexpected body.', true, 200);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasStrings(value: unknown, keys: readonly string[]): boolean {
  return isRecord(value) && keys.every((key) => typeof value[key] === 'string');
}
