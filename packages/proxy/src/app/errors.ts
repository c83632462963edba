/**
 * The proxy's one error channel for requests: `ProxyError` carries an HTTP status and a stable snake_case
 * `code`; `errorResponse` renders `{ error: { code, message, retryable, requestId?, upstreamCode? } }`.
 * FaceID client errors map as design.md says; anything unexpected becomes a bare 500 (no stack, no text).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  FaceIdApiError,
  FaceIdBadResponseError,
  FaceIdError,
  FaceIdNetworkError,
  FaceIdTimeoutError,
} from '../client/errors.js';

/** Every error code the proxy answers with, and its HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  redirect_not_allowed: 400,
  unauthorized: 401,
  origin_not_allowed: 403,
  binding_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  upstream_error: 502,
  upstream_bad_response: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ProxyErrorCode = keyof typeof ERROR_STATUS;

export interface ProxyErrorDetails {
  retryable?: boolean;
  /** Tencent's error code, e.g. `InvalidParameterValue.BizTokenIllegal`. */
  upstreamCode?: string;
  /** Tencent's RequestId of the failed call. */
  requestId?: string;
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

/** The JSON error envelope of design.md, through the context so headers set earlier (request id, CORS) stay. */
export function errorResponse(c: Context, error: ProxyError): Response {
  const { retryable = false, upstreamCode, requestId, headers } = error.details;
  const body = {
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

/**
 * Maps any thrown value to a ProxyError. `deadlineHit` = the route's own time limit fired (504 whatever the
 * client saw). Tencent's message text is dropped: only its code travels, as `upstreamCode`.
 */
export function toProxyError(error: unknown, deadlineHit = false): ProxyError {
  if (error instanceof ProxyError) return error;
  if (deadlineHit || error instanceof FaceIdTimeoutError) {
    return new ProxyError('upstream_timeout', 'FaceID did not answer in time', { retryable: true });
  }
  if (error instanceof FaceIdApiError) {
    const details = { retryable: error.retryable, upstreamCode: error.code, requestId: error.requestId };
    return error.retryable
      ? new ProxyError('upstream_unavailable', 'FaceID is busy or unavailable', details)
      : new ProxyError('upstream_error', 'FaceID refused the request', details);
  }
  if (error instanceof FaceIdBadResponseError) {
    const requestId = error.requestId;
    return new ProxyError('upstream_bad_response', 'FaceID sent an unexpected reply', {
      retryable: error.retryable,
      ...(requestId === undefined ? {} : { requestId }),
    });
  }
  if (error instanceof FaceIdNetworkError || error instanceof FaceIdError) {
    return new ProxyError('upstream_unavailable', 'FaceID could not be reached', { retryable: true });
  }
  return new ProxyError('internal_error', 'Internal error');
}
