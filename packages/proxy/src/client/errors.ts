/**
 * Typed failures of a FaceID call. Every one extends `FaceIdError` and carries the `action`, what happened
 * (`event`) and what that means for this action (`outcome`, from the one table in outcomes.ts), hence whether
 * trying again later may succeed (`retryable`). Messages never contain credentials, tokens or upstream bodies.
 */
import { isRetryable, upstreamOutcome, type UpstreamEvent, type UpstreamOutcome } from './outcomes.js';

/** Base of every FaceID client error. */
export class FaceIdError extends Error {
  override name = 'FaceIdError';
  /** The Tencent action that failed, e.g. `GetWebVerificationResultIntl`. */
  readonly action: string;
  /** What came back (a Tencent code, an HTTP status, a malformed reply, a redirect, a timeout, a network error). */
  readonly event: UpstreamEvent;
  /** What `event` means for `action`: a verdict, or a proxy error code and whether it is retryable. */
  readonly outcome: UpstreamOutcome;
  /** Trying the same call again later may succeed. */
  readonly retryable: boolean;

  constructor(action: string, message: string, event: UpstreamEvent, options?: ErrorOptions) {
    super(message, options);
    this.action = action;
    this.event = event;
    this.outcome = upstreamOutcome(action, event);
    this.retryable = isRetryable(this.outcome);
  }
}

/** Tencent answered with `Response.Error` (HTTP 200). Branch on `code`, never on `message`. */
export class FaceIdApiError extends FaceIdError {
  override name = 'FaceIdApiError';
  /** Tencent's error code, e.g. `InvalidParameterValue.BizTokenExpired`. */
  readonly code: string;
  /** Tencent's RequestId of the failed call. */
  readonly requestId: string;

  constructor(action: string, code: string, message: string, requestId: string) {
    super(action, `${action} failed: ${code}: ${message}`, { kind: 'api', code });
    this.code = code;
    this.requestId = requestId;
  }
}

/** No answer within the time limit (`timeoutMs`, milliseconds). Not retried by the client itself. */
export class FaceIdTimeoutError extends FaceIdError {
  override name = 'FaceIdTimeoutError';
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;

  constructor(action: string, timeoutMs: number) {
    super(action, `${action} timed out after ${timeoutMs} ms`, { kind: 'timeout' });
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The request failed before any HTTP answer: DNS, connection refused or reset, TLS. `detail` names the cause
 * chain (`TypeError: connect ECONNREFUSED 127.0.0.1:8788: ECONNREFUSED`) for the log line.
 */
export class FaceIdNetworkError extends FaceIdError {
  override name = 'FaceIdNetworkError';
  /** The cause chain in one line, never a body. */
  readonly detail: string;

  constructor(action: string, cause: unknown) {
    const detail = describeCause(cause);
    super(action, `${action} failed: network error (${detail})`, { kind: 'network' }, { cause });
    this.detail = detail;
  }
}

/**
 * An answer that is not a FaceID reply: an HTTP status other than 200 (`status`; a 3xx is a redirect, never
 * followed), a body that is not JSON, no `Response` object, or missing required fields (`RequestId`, a null
 * `BizToken`, …). How retryable each is depends on the action (outcomes.ts).
 */
export class FaceIdBadResponseError extends FaceIdError {
  override name = 'FaceIdBadResponseError';
  /** HTTP status of the answer (0 for a browser's opaque redirect). */
  readonly status: number;
  /** Tencent's RequestId when the body had one. */
  readonly requestId: string | undefined;

  constructor(action: string, status: number, detail: string, requestId?: string) {
    super(action, `${action} failed: ${detail}`, badResponseEvent(status));
    this.status = status;
    this.requestId = requestId;
  }
}

function badResponseEvent(status: number): UpstreamEvent {
  if (status === 200) return { kind: 'malformed' };
  if (status === 0 || (status >= 300 && status < 400)) return { kind: 'redirect', status };
  return { kind: 'http', status };
}

/** The error's name, then the messages down its cause chain (or its own), then its code: never a body. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return 'unknown cause';
  const parts: string[] = [cause.name];
  let inner: unknown = cause.cause instanceof Error ? cause.cause : cause;
  for (
    let depth = 0;
    inner instanceof Error && depth < 4;
    depth += 1, inner = inner === cause ? undefined : inner.cause
  ) {
    parts.push(inner.message);
  }
  const codes = [cause.cause, cause].map((e) => (e as { code?: unknown } | undefined)?.code);
  const code = codes.find((c): c is string => typeof c === 'string');
  if (code !== undefined) parts.push(code);
  return parts.filter((part) => part !== '').join(': ');
}
