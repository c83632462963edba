import type { ProxyErrorCode } from '@faceid-verify/proxy/contract';
import type { ElementErrorCode } from './proxy-api.js';

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

export type { ResultStatus, WebVerificationResult } from '@faceid-verify/proxy/contract';

/** `faceid-error` detail. `code` is the proxy's snake_case code or one of the element's own (see proxy-api.ts). */
export interface FaceIdErrorDetail {
  code: ProxyErrorCode | ElementErrorCode;
  /** English, for developers and logs; the element shows a localised text. */
  message: string;
  /** True when "Try again" may succeed without starting over. */
  retryable: boolean;
  /** Tencent's error code behind a proxy error (e.g. `AuthFailure.SignatureFailure`), when there is one. */
  upstreamCode?: string | undefined;
}
