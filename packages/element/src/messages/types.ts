import type { ResultStatus } from '@faceid-verify/proxy/contract';

/** The bundled UI languages (BCP 47). */
export type Locale = 'en' | 'zh-CN' | 'zh-TW' | 'th' | 'id';

/** Why a verification did not pass, from Tencent's H5 ErrorCode (faceid-api.md §5.5); see categories.ts. */
export type ReasonCategory = 'liveness' | 'faceMismatch' | 'imageQuality' | 'timeout' | 'quit' | 'notFinished';

/** What kind of trouble the proxy call ran into; see categories.ts. */
export type ErrorCategory = 'network' | 'popup';

/**
 * Every text the element shows. A locale missing a key is a type error, and so is a result status the proxy's
 * contract adds without a heading here.
 */
export interface Messages extends Record<ResultStatus | 'error', string> {
  /** The start button. */
  start: string;
  /** The retry button after a retryable error. */
  retry: string;
  /** While starting and redirecting: the hosted page is being opened. */
  starting: string;
  /** While reading the result. */
  checking: string;
  /** Result headings, one per settled state. */
  passed: string;
  failed: string;
  incomplete: string;
  expired: string;
  error: string;
  /** The action after an expired session or an error no retry can fix. */
  startOver: string;
  /** The action after a result in handoff mode: a new QR code for the phone. */
  continueOnPhone: string;
  /** Tab mode, while the hosted page is open in the other tab. */
  inTab: string;
  /** Handoff mode, while the phone does the flow. */
  waitingForPhone: string;
  /** Handoff mode: the instructions next to the QR code. */
  scanQr: string;
  /** The QR code's accessible name. */
  qrLabel: string;
  /** The copy button of the handoff link, and its label once the link is on the clipboard. */
  copyLink: string;
  copied: string;
  /** Under the heading of a result that did not pass, when its ErrorCode says why. */
  reason: Record<ReasonCategory, string>;
  /** Under "Something went wrong", when the user can do something about it (a non-retryable error offers "Verify identity" again). */
  errorReason: Record<ErrorCategory, string>;
}
