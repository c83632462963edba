/**
 * The element's states, reflected as its `state` attribute so page CSS can style
 * `faceid-verify[state="passed"]`. A const object plus a union type (no TS `enum`).
 */
export const FaceIdState = {
  idle: 'idle',
  starting: 'starting',
  redirecting: 'redirecting',
  checking: 'checking',
  passed: 'passed',
  failed: 'failed',
  incomplete: 'incomplete',
  expired: 'expired',
  error: 'error',
} as const;

export type FaceIdState = (typeof FaceIdState)[keyof typeof FaceIdState];

/** Every state, in flow order: handy for tests and docs that walk them all. */
export const FACEID_STATES: readonly FaceIdState[] = /* @__PURE__ */ Object.values(FaceIdState);

/** States in which a request is in flight (or the page is about to leave). */
export const BUSY_STATES: ReadonlySet<FaceIdState> = new Set<FaceIdState>(['starting', 'redirecting', 'checking']);

/** The four `WebVerificationResult.status` values, which are also states. */
export type ResultStatus = 'passed' | 'failed' | 'incomplete' | 'expired';

/**
 * The normalised result of `POST {proxy}/web/results` (design.md, "The HTTP contract").
 * Advisory in the browser: the integrator's server decides from the proxy's answer, never from this.
 */
export interface WebVerificationResult {
  status: ResultStatus;
  /** Tencent H5 ErrorCode (faceid-api.md §5.5); null when FaceID has no verdict yet. */
  errorCode: number | null;
  /** Tencent ErrorMsg, for logs; the element shows its own localised text. */
  errorMessage: string | null;
  /** 0–100, from the deciding attempt. */
  similarity: number | null;
  attempts: {
    errorCode: number | null;
    livenessErrorCode: number | null;
    compareErrorCode: number | null;
    similarity: number | null;
    at: string | null;
  }[];
  extra: string | null;
  requestId: string;
}

/** `faceid-error` detail. `code` is the proxy's snake_case code or one of the element's own (see proxy-api.ts). */
export interface FaceIdErrorDetail {
  code: string;
  /** English, for developers and logs; the element shows a localised text. */
  message: string;
  /** True when "Try again" may succeed without starting over. */
  retryable: boolean;
}
