/**
 * Typed failures of a FaceID call. Every one extends `FaceIdError` and carries the `action` and whether trying
 * again later may succeed (`retryable`). Messages never contain credentials, tokens or upstream bodies.
 * Retry advice follows faceid-api.md §5.2.
 */

/** Base of every FaceID client error. */
export class FaceIdError extends Error {
  override name = 'FaceIdError';
  /** The Tencent action that failed, e.g. `GetWebVerificationResultIntl`. */
  readonly action: string;
  /** Trying the same call again later may succeed. */
  readonly retryable: boolean;

  constructor(action: string, message: string, retryable: boolean, options?: ErrorOptions) {
    super(message, options);
    this.action = action;
    this.retryable = retryable;
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
    super(action, `${action} failed: ${code}: ${message}`, isRetryableCode(code));
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
    super(action, `${action} timed out after ${timeoutMs} ms`, true);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The request failed before any HTTP answer: DNS, connection refused or reset, TLS (retryable), or a redirect
 * refused by `fetch` (`redirect: 'error'`; not retryable, the endpoint is misconfigured). Runtimes report that
 * refusal as a plain fetch failure; it is recognised where the cause says so (Node: "unexpected redirect",
 * Deno: "redirect mode").
 */
export class FaceIdNetworkError extends FaceIdError {
  override name = 'FaceIdNetworkError';

  constructor(action: string, cause: unknown) {
    const detail = describeCause(cause);
    super(action, `${action} failed: network error (${detail})`, !/unexpected redirect|redirect mode/i.test(detail), {
      cause,
    });
  }
}

/**
 * An answer that is not a FaceID reply: HTTP status other than 200 (`status`; 5xx and 429 are retryable,
 * a 3xx redirect is not), a body that is not JSON, no `Response` object, or missing required fields
 * (`RequestId`, a null `BizToken`, …).
 */
export class FaceIdBadResponseError extends FaceIdError {
  override name = 'FaceIdBadResponseError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** Tencent's RequestId when the body had one. */
  readonly requestId: string | undefined;

  constructor(action: string, status: number, detail: string, requestId?: string) {
    super(action, `${action} failed: ${detail}`, status >= 500 || status === 429);
    this.status = status;
    this.requestId = requestId;
  }
}

const RETRYABLE_CODES = new Set(['ServiceUnavailable', 'ResourceUnavailable']);
const RETRYABLE_FAMILIES = ['RequestLimitExceeded', 'InternalError'];

/**
 * Whether a Tencent error code is worth retrying (faceid-api.md §5.2): `RequestLimitExceeded` and
 * `InternalError` with any sub-code, `ServiceUnavailable`, `ResourceUnavailable`.
 */
export function isRetryableCode(code: string): boolean {
  if (RETRYABLE_CODES.has(code)) return true;
  return RETRYABLE_FAMILIES.some((family) => code === family || code.startsWith(`${family}.`));
}

// The error's name plus its inner cause's message and code (e.g. `TypeError: connect ECONNREFUSED …`), never a body.
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return 'unknown cause';
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
  const parts = [cause.name, inner?.message, typeof code === 'string' ? code : undefined];
  return parts.filter((part) => part !== undefined && part !== '').join(': ');
}
