/**
 * The element↔proxy HTTP contract (design.md "The HTTP contract"), one module both packages compile against:
 * `@faceid-verify/proxy/contract`. The element imports it with `import type` only, so it costs the element no
 * bytes; the two `as const` tables are the proxy's runtime facts (its schemas and error statuses read them).
 * No imports: this file must stay copyable into the element's published types.
 */

/** Hosted-page languages (`Config.Language`), as `POST /web/sessions` accepts them. */
export const LANGUAGES = ['en', 'zh-cn', 'zh-tc', 'th', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * How the element runs the hosted page: `redirect` (this tab, back with `?token=`), `tab` (a new window whose
 * RedirectURL is the proxy's `/web/return` page) or `handoff` (the phone opens `handoffUrl`; its RedirectURL is
 * the proxy's `/web/handoff/done` page, and the desktop waits on `POST /web/results/wait`).
 */
export const MODES = ['redirect', 'tab', 'handoff'] as const;
export type Mode = (typeof MODES)[number];

/** The four values of `WebVerificationResult.status`. */
export const RESULT_STATUSES = ['passed', 'failed', 'incomplete', 'expired'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** Every error code the proxy answers with, and its HTTP status (README "Errors"). */
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
  store_unavailable: 503,
  upstream_busy: 503,
  upstream_error: 502,
  upstream_bad_response: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
} as const;
export type ProxyErrorCode = keyof typeof ERROR_STATUS;

/** `POST /web/sessions` request body. Unknown keys are refused. */
export interface SessionRequest {
  /**
   * `redirect` mode (the default): one of the proxy's return URLs (scheme, host, port, path); query and fragment
   * are dropped. Absent in `tab` and `handoff` modes, where the proxy's own page is the RedirectURL.
   */
  redirectUrl?: string | undefined;
  language?: Language | undefined;
  mode?: Mode | undefined;
}

/** `POST /web/sessions` 201 body. */
export interface WebSession {
  bizToken: string;
  verificationUrl: string;
  /** ISO 8601: the BizToken must be used (the hosted page opened) before this time. */
  expiresAt: string;
  /** Opaque proof, issued by the proxy, that this browser started this BizToken. */
  binding: string;
  /** `handoff` mode only: `{proxy}/web/handoff/{bizToken}`, the absolute link the phone opens. */
  handoffUrl?: string;
}

/** `POST /web/results` request body: the binding is absent only on an API-key (server) call. */
export interface ResultRequest {
  bizToken: string;
  binding?: string | undefined;
}

/** One attempt of a web verification. */
export interface WebVerificationAttempt {
  errorCode: number | null;
  livenessErrorCode: number | null;
  compareErrorCode: number | null;
  similarity: number | null;
  /** ISO 8601 time of the attempt (Tencent `ReqTimestamp`, ms). */
  at: string | null;
}

/**
 * `POST /web/results` 200 body. Advisory in a browser: the integrator's server decides from the proxy's answer.
 * Media fields appear only when the proxy's `media` option turns them on.
 */
export interface WebVerificationResult {
  status: ResultStatus;
  /** Tencent ErrorCode (faceid-api.md §5.5); null when FaceID has no verdict yet. */
  errorCode: number | null;
  /** Tencent ErrorMsg, for logs; the element shows its own localised text. */
  errorMessage: string | null;
  /** 0–100, from the deciding attempt. */
  similarity: number | null;
  attempts: WebVerificationAttempt[];
  /** Tencent Extra as set server-side. */
  extra: string | null;
  /** Tencent RequestId. */
  requestId: string;
  videoBase64?: string | null;
  videoUrl?: string | null;
  bestFrameBase64?: string | null;
  bestFrameUrl?: string | null;
  ocr?: Record<string, unknown>[];
}

/** The error envelope of every route. */
export interface ErrorBody {
  error: {
    code: ProxyErrorCode;
    /** Ours, English, safe to show a developer. */
    message: string;
    /** Trying again later may succeed. */
    retryable: boolean;
    /** Tencent's RequestId of the failed call. */
    requestId?: string;
    /** Tencent's error code, e.g. `AuthFailure.SignatureFailure`. */
    upstreamCode?: string;
  };
}

/** `POST /web/results/wait` answer while the flow has no final verdict yet (held open at most 25 s). */
export interface PendingResult {
  status: 'pending';
}
