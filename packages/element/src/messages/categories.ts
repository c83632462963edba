import type { WebVerificationResult } from '../states.js';
import type { ErrorCategory, ReasonCategory } from './types.js';

// Tencent's H5 ErrorCode table ("Selfie Verification (Mobile HTML5) Error Codes", faceid-api.md §5.5), by what the
// user can do about it. Codes not listed (parameter, service and storage errors) fall under 'other'.
const LIVENESS_CODES = [202, 1001, 1002, 1003, 1005, 1101, 1103, 1104, 1105, 1106, 1107, 1108, 1109];
const LIVENESS_ACTION_CODES = [1207, 1208, 1209, 1301, 1302, 1303, 1401];
const IMAGE_QUALITY_CODES = [1004, 1102, 1201, 1202, 1203, 1204, 1205, 1206, 1210];
const COMPARE_IMAGE_CODES = [2004, 2009, 2010, 2012, 2013, 2014];
const FACE_MISMATCH_CODES = [2011, 2015, 2016];

const REASON_BY_CODE = new Map<number, ReasonCategory>([
  ...LIVENESS_CODES.map((code) => [code, 'liveness'] as const),
  ...LIVENESS_ACTION_CODES.map((code) => [code, 'liveness'] as const),
  ...IMAGE_QUALITY_CODES.map((code) => [code, 'imageQuality'] as const),
  ...COMPARE_IMAGE_CODES.map((code) => [code, 'imageQuality'] as const),
  ...FACE_MISMATCH_CODES.map((code) => [code, 'faceMismatch'] as const),
  [15, 'expired'],
  [17, 'notFinished'],
  [1409, 'timeout'],
  [1410, 'quit'],
]);

/**
 * The human reason for a result that did not pass: its ErrorCode's category, else the last attempt's liveness
 * or comparison code, else a status default (`incomplete` with no verdict: the user left before finishing).
 */
export function reasonFor(result: WebVerificationResult): ReasonCategory {
  if (result.status === 'expired') return 'expired';
  const last = result.attempts[result.attempts.length - 1];
  for (const code of [result.errorCode, last?.livenessErrorCode, last?.compareErrorCode]) {
    const reason = code ? REASON_BY_CODE.get(code) : undefined;
    if (reason) return reason;
  }
  return result.status === 'incomplete' ? 'notFinished' : 'other';
}

// The proxy's error codes (design.md, "Errors") and the element's own (proxy-api.ts).
const ERROR_CATEGORY_BY_CODE: Record<string, ErrorCategory> = {
  proxy_unreachable: 'network',
  upstream_unavailable: 'network',
  timeout: 'timeout',
  upstream_timeout: 'timeout',
  session_not_found: 'session',
  binding_invalid: 'session',
  not_found: 'session',
  missing_proxy: 'config',
  origin_not_allowed: 'config',
  redirect_not_allowed: 'config',
  invalid_request: 'config',
  unsupported_media_type: 'config',
  payload_too_large: 'config',
  rate_limited: 'busy',
};

/** The message family for an error code; unknown codes are the server's trouble. */
export function errorCategoryFor(code: string): ErrorCategory {
  return ERROR_CATEGORY_BY_CODE[code] ?? 'server';
}
