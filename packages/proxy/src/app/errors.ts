/**
 * The proxy's one error channel for requests: `ProxyError` carries an HTTP status and a stable snake_case
 * `code` (contract.ts); `errorResponse` renders `{ error: { code, message, retryable, requestId?, upstreamCode? } }`
 * and leaves the code, Tencent's code and the cause for the log line. A FaceID client error becomes the proxy
 * error its outcome names (client/outcomes.ts, the one table); anything unexpected a bare 500.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FaceIdApiError, FaceIdBadResponseError, FaceIdError, FaceIdNetworkError } from '../client/errors.js';
import type { Verdict } from '../client/outcomes.js';
import { ERROR_STATUS, type ErrorBody, type ProxyErrorCode } from '../contract.js';
import { StoreUnavailableError } from '../ledger/errors.js';
import type { ProxyEnv } from './context.js';

export { ERROR_STATUS, type ProxyErrorCode } from '../contract.js';

// The contract's statuses must be ones Hono can answer with a body.
ERROR_STATUS satisfies Record<ProxyErrorCode, ContentfulStatusCode>;

export interface ProxyErrorDetails {
  retryable?: boolean;
  /** Tencent's error code, e.g. `InvalidParameterValue.BizTokenIllegal`. */
  upstreamCode?: string;
  /** Tencent's RequestId of the failed call. */
  requestId?: string;
  /** For the log line only, never the answer: what went wrong underneath (`ECONNREFUSED 127.0.0.1:8788`). */
  cause?: string;
  /** The outcome table made this failure a verdict the route may answer as a result. */
  verdict?: Verdict;
  headers?: Record<string, string>;
}

/** A request failure with a fixed status and code; the message is ours and safe to show. */
export class ProxyError extends Error {
  override name = 'ProxyError';
  readonly status: ContentfulStatusCode;
  readonly code: ProxyErrorCode;
  readonly details: ProxyErrorDetails;

  constructor(code: ProxyErrorCode, message: string, details: ProxyErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** The failure the log line reports. */
export interface LoggedFailure {
  code: ProxyErrorCode;
  upstreamCode?: string;
  cause?: string;
}

/** The JSON error envelope, through the context so headers set earlier (request id, CORS) stay. */
export function errorResponse(c: Context<ProxyEnv>, error: ProxyError): Response {
  const { retryable = false, upstreamCode, requestId, headers, cause } = error.details;
  c.set('failure', {
    code: error.code,
    ...(upstreamCode === undefined ? {} : { upstreamCode }),
    ...(cause === undefined ? {} : { cause }),
  });
  if (requestId !== undefined) c.set('upstreamRequestId', requestId);
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      retryable,
      ...(requestId === undefined ? {} : { requestId }),
      ...(upstreamCode === undefined ? {} : { upstreamCode }),
    },
  };
  return c.json(body, error.status, headers);
}

/** Our message per proxy error code of an upstream outcome. Tencent's text never travels. */
const UPSTREAM_MESSAGES: Partial<Record<ProxyErrorCode, string>> = {
  invalid_request: 'FaceID refused the input',
  upstream_error: 'FaceID refused the request',
  upstream_bad_response: 'FaceID sent an unexpected reply',
  upstream_unavailable: 'FaceID is busy or unavailable',
  upstream_timeout: 'FaceID did not answer in time',
};

/** The log's cause of a client error: ours, never Tencent's message text or a body. */
function causeOf(error: FaceIdError): string | undefined {
  if (error instanceof FaceIdNetworkError) return error.detail;
  if (error instanceof FaceIdApiError) return undefined;
  return error.message.slice(error.action.length + ' failed: '.length) || error.message;
}

/**
 * Maps any thrown value to a ProxyError. `deadlineHit` = the route's own time limit fired (504 whatever the
 * client saw). A FaceID failure takes the code and `retryable` of its outcome; a verdict outcome is kept in
 * `details.verdict` for the route (answered as `upstream_error` by rows that have no answer for it).
 */
export function toProxyError(error: unknown, deadlineHit = false): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof StoreUnavailableError) {
    return new ProxyError('store_unavailable', 'The flow store is unavailable; try again', {
      retryable: true,
      cause: error.message,
    });
  }
  if (deadlineHit) {
    return new ProxyError('upstream_timeout', 'FaceID did not answer in time', {
      retryable: true,
      cause: 'the route deadline passed',
    });
  }
  if (!(error instanceof FaceIdError)) {
    const cause = error instanceof Error ? error.name : typeof error;
    return new ProxyError('internal_error', 'Internal error', { cause });
  }
  const { outcome } = error;
  const code = 'error' in outcome ? outcome.error : 'upstream_error';
  const requestId = error instanceof FaceIdApiError || error instanceof FaceIdBadResponseError ? error.requestId : '';
  const cause = causeOf(error);
  return new ProxyError(code, UPSTREAM_MESSAGES[code] ?? 'FaceID refused the request', {
    retryable: error.retryable,
    ...(error instanceof FaceIdApiError ? { upstreamCode: error.code } : {}),
    ...(requestId ? { requestId } : {}),
    ...(cause === undefined ? {} : { cause }),
    ...('verdict' in outcome ? { verdict: outcome.verdict } : {}),
  });
}
