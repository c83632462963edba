import type { WebVerificationResult } from './states.js';

/** Per-request timeout (ms) when the element is not told otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The element's own error codes, next to the proxy's (`origin_not_allowed`, `binding_invalid`, `rate_limited`,
 * `upstream_unavailable`, …, design.md "Errors").
 */
export type ElementErrorCode =
  'missing_proxy' | 'proxy_unreachable' | 'timeout' | 'bad_response' | 'session_not_found' | 'popup_blocked';

/** The longest a `POST {proxy}/web/results/wait` is held open by the proxy before it answers `pending` (ms). */
export const LONG_POLL_MS = 25_000;

/** A failed call to the proxy: its JSON error envelope, or what the element saw instead. */
export class ProxyError extends Error {
  constructor(
    readonly code: ElementErrorCode | (string & {}),
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * `POST {proxy}/web/sessions` request body. `mode` is sent for `tab` and `handoff` only, and then no
 * `redirectUrl`: the proxy's own pages (`/web/return`, `/web/handoff/done`) are the RedirectURL.
 */
export interface SessionRequest {
  redirectUrl?: string;
  language: 'en' | 'zh-cn' | 'zh-tc' | 'th' | 'id';
  mode?: 'tab' | 'handoff';
}

/** `POST {proxy}/web/sessions` 201 body. */
export interface SessionResponse {
  bizToken: string;
  verificationUrl: string;
  /** ISO 8601. */
  expiresAt: string;
  /** Opaque proof, issued by the proxy, that this browser started this BizToken. */
  binding: string;
  /** Handoff mode: `{proxy}/web/handoff/{bizToken}`, the absolute link the phone opens. */
  handoffUrl?: string;
}

export interface CallOptions {
  /** Aborting it cancels the request silently (the caller has moved on): the promise rejects with an AbortError. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** Starts a web verification. Rejects with ProxyError (or an AbortError when `signal` aborts). */
export async function createSession(proxy: string, body: SessionRequest, options: CallOptions) {
  const json = (await postJson(proxy, '/web/sessions', body, options)) as Partial<SessionResponse> | undefined;
  if (typeof json?.bizToken !== 'string' || typeof json.binding !== 'string') throw badResponse();
  return json as SessionResponse;
}

/** Reads a result with the binding issued for its BizToken. Rejects like createSession. */
export async function fetchResult(proxy: string, body: { bizToken: string; binding: string }, options: CallOptions) {
  return checkedResult(await postJson(proxy, '/web/results', body, options));
}

function checkedResult(json: unknown): WebVerificationResult {
  if (!RESULT_STATUSES.includes((json as { status?: string } | undefined)?.status as string)) throw badResponse();
  return json as WebVerificationResult;
}

/**
 * Waits for the verdict of a handoff flow: `POST {proxy}/web/results/wait` (the proxy answers from its ledger once
 * the verdict is final, else `{"status":"pending"}` after at most LONG_POLL_MS), asked again until final.
 * Rejects like fetchResult, or with an AbortError when `signal` aborts (the element reset or disconnected).
 */
export async function waitForResult(proxy: string, body: { bizToken: string; binding: string }, options: CallOptions) {
  const poll = { ...options, timeoutMs: options.timeoutMs + LONG_POLL_MS };
  for (;;) {
    const json = (await postJson(proxy, '/web/results/wait', body, poll)) as { status?: string } | undefined;
    if (json?.status !== 'pending') return checkedResult(json);
  }
}

/** `{proxy}{path}` resolved against the page, so `proxy="/faceid"` and absolute URLs both work. */
export function proxyEndpoint(proxy: string, path: string): string {
  return new URL(proxy.replace(/\/+$/, '') + path, document.baseURI).href;
}

async function postJson(proxy: string, path: string, body: unknown, { signal, timeoutMs }: CallOptions) {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(proxyEndpoint(proxy, path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, timeout]),
      cache: 'no-store',
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFromEnvelope(response.status, json);
    return json;
  } catch (error) {
    if (signal.aborted || error instanceof ProxyError) throw error;
    if (timeout.aborted) {
      throw new ProxyError('timeout', `No answer from the proxy in ${timeoutMs} ms.`, true);
    }
    throw new ProxyError('proxy_unreachable', `Cannot reach the proxy at ${proxy}.`, true);
  }
}

function errorFromEnvelope(status: number, json: unknown): ProxyError {
  const error = (json as { error?: { code?: unknown; message?: unknown; retryable?: unknown } } | undefined)?.error;
  if (typeof error?.code === 'string') {
    return new ProxyError(error.code, String(error.message ?? error.code), error.retryable === true);
  }
  return new ProxyError('bad_response', `The proxy answered HTTP ${status}.`, status >= 500);
}

function badResponse(): ProxyError {
  return new ProxyError('bad_response', 'Unexpected answer from the proxy.', true);
}

const RESULT_STATUSES: readonly string[] = ['passed', 'failed', 'incomplete', 'expired'];
