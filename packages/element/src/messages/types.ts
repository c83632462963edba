/** The bundled UI languages (BCP 47). */
export type Locale = 'en' | 'zh-CN' | 'zh-TW' | 'th' | 'id';

/** Why a verification did not pass, from Tencent's H5 ErrorCode (faceid-api.md §5.5); see categories.ts. */
export type ReasonCategory =
  'liveness' | 'faceMismatch' | 'imageQuality' | 'timeout' | 'quit' | 'notFinished' | 'expired' | 'other';

/** What kind of trouble the proxy call ran into; see categories.ts. */
export type ErrorCategory = 'network' | 'timeout' | 'session' | 'config' | 'busy' | 'server';

/** Every text the element shows. A locale missing a key is a type error. */
export interface Messages {
  /** The start button. */
  start: string;
  /** The retry button after a retryable error. */
  retry: string;
  starting: string;
  redirecting: string;
  checking: string;
  /** Result headings, one per settled state. */
  passed: string;
  failed: string;
  incomplete: string;
  expired: string;
  error: string;
  reason: Record<ReasonCategory, string>;
  errorReason: Record<ErrorCategory, string>;
}
