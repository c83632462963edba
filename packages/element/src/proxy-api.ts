import type {
  ErrorBody,
  ProxyErrorCode,
  ResultStatus,
  SessionRequest,
  WebSession,
  WebVerificationResult,
} from '@faceid-verify/proxy/contract';

/** Per-request timeout (ms) when the element is not told otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The element's own error codes, next to the proxy's (`ProxyErrorCode` of `@faceid-verify/proxy/contract`).
 * `proxy_unreachable` and `timeout`: nothing answered; `cors_refused`: the proxy answered, but its CORS does not
 * allow this page's origin (`FACEID_ALLOWED_ORIGINS`).
 */
export type ElementErrorCode =
  | 'missing_proxy'
  | 'proxy_unreachable'
  | 'cors_refused'
  | 'timeout'
  | 'bad_response'
  | 'session_not_found'
  | 'popup_blocked';

/** The longest a `POST {proxy}/web/results/wait` is held open by the proxy before it answers `pending` (ms). */
export const LONG_POLL_MS = 25_000;

/** A failed call to the proxy: its JSON error envelope, or what the element saw instead. */
export class ProxyError extends Error {
  constructor(
    readonly code: ProxyErrorCode | ElementErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly upstreamCode?: string,
  ) {
    super(message);
  }
}

export type { SessionRequest, WebSession as SessionResponse };

export interface CallOptions {
  /** Aborting it cancels the request silently (the caller has moved on): the promise rejects with an AbortError. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** Starts a web verification. Rejects with ProxyError (or an AbortError when `signal` aborts). */
export async function createSession(proxy: string, body: SessionRequest, options: CallOptions) {
  const json = (await postJson(proxy, '/web/sessions', body, options)) as Partial<WebSession> | undefined;
  if (typeof json?.bizToken !== 'string' || typeof json.binding !== 'string') throw badResponse();
  return json as WebSession;
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
  const url = proxyEndpoint(proxy, path);
  try {
    const response = await fetch(url, {
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
      throw new ProxyError('timeout', `No answer in ${timeoutMs} ms.`, true);
    }
    // A no-cors request sees no headers: if it is answered, the proxy is up and its CORS refused this origin.
    throw (await fetch(url, { mode: 'no-cors', signal }).then(
      () => 1,
      () => 0,
    ))
      ? new ProxyError('cors_refused', `CORS: add this origin to FACEID_ALLOWED_ORIGINS (${proxy}).`, false)
      : new ProxyError('proxy_unreachable', `Cannot reach ${proxy}.`, true);
  }
}

function errorFromEnvelope(status: number, json: unknown): ProxyError {
  const error = (json as Partial<ErrorBody> | undefined)?.error;
  if (typeof error?.code === 'string') {
    return new ProxyError(
      error.code,
      String(error.message ?? error.code),
      error.retryable === true,
      error.upstreamCode,
    );
  }
  return new ProxyError('bad_response', `The proxy answered HTTP ${status}.`, status >= 500);
}

function badResponse(): ProxyError {
  return new ProxyError('bad_response', 'Unexpected answer from the proxy.', true);
}

const RESULT_STATUSES: readonly string[] = ['passed', 'failed', 'incomplete', 'expired'] satisfies ResultStatus[];
