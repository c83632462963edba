import type { WebVerificationResult } from '../states.js';
import type { ErrorCategory, ReasonCategory } from './types.js';

// Tencent's H5 ErrorCode table ("Selfie Verification (Mobile HTML5) Error Codes", faceid-api.md §5.5) grouped by
// what the user can do about it, as [first, last, category] ranges; the first match wins. Codes in no range
// (parameter, service and storage errors; 14, 16) get no reason.
const REASON_RANGES: readonly (readonly [number, number, ReasonCategory])[] = [
  [17, 17, 'notFinished'], // "process not finished" (older table)
  [202, 202, 'liveness'], // no video
  [1004, 1004, 'imageQuality'], // no face found
  [1102, 1102, 'imageQuality'], // face not fully visible
  [1001, 1109, 'liveness'], // liveness engine, spoofing, voice and video checks
  [1201, 1206, 'imageQuality'], // lighting, distance, position
  [1207, 1209, 'liveness'], // required action not seen
  [1210, 1210, 'imageQuality'], // no complete face
  [1301, 1401, 'liveness'], // real-person and reflection checks
  [1409, 1409, 'timeout'],
  [1410, 1410, 'quit'],
  [2011, 2011, 'faceMismatch'],
  [2015, 2016, 'faceMismatch'], // comparison failed, similarity below threshold
  [2004, 2014, 'imageQuality'], // comparison image size, resolution, faces
];

function reasonForCode(code: number | null | undefined): ReasonCategory | undefined {
  return code ? REASON_RANGES.find(([first, last]) => code >= first && code <= last)?.[2] : undefined;
}

/**
 * The human reason for a result that did not pass: its ErrorCode's category, else the last attempt's liveness
 * or comparison code's; `incomplete` with no verdict means the user left before finishing. Null when the
 * heading says it all (expired, or a code without a category such as an internal error).
 */
export function reasonFor(result: WebVerificationResult): ReasonCategory | null {
  if (result.status === 'expired' || result.status === 'passed') return null;
  const last = result.attempts.at(-1);
  const reason = [result.errorCode, last?.livenessErrorCode, last?.compareErrorCode].map(reasonForCode).find(Boolean);
  return reason ?? (result.status === 'incomplete' ? 'notFinished' : null);
}

/**
 * The message family for an error code: "check your connection" (network) only when nothing answered, the
 * element's own proxy_unreachable and timeout; popup_blocked → popup. Null for the rest (the proxy answered, e.g.
 * upstream_timeout): the heading "Something went wrong" says it all, and `faceid-error` carries the details.
 */
export function errorCategoryFor(code: string): ErrorCategory | null {
  return /^(proxy_unreachable|timeout)$/.test(code) ? 'network' : code === 'popup_blocked' ? 'popup' : null;
}
