import type { FaceIdErrorDetail, FaceIdState, WebVerificationResult } from './states.js';

/** `faceid-statechange` detail. */
export interface FaceIdStateChangeDetail {
  state: FaceIdState;
  previous: FaceIdState;
}

/** `faceid-start` detail: the proxy created a session (`POST {proxy}/web/sessions` answered 201). */
export interface FaceIdStartDetail {
  bizToken: string;
  verificationUrl: string;
  /** ISO 8601, when the BizToken stops being usable to start. */
  expiresAt: string;
  /** Handoff mode: the link for the phone (`{proxy}/web/handoff/{bizToken}`), shown as the QR code. */
  handoffUrl?: string | undefined;
}

/** `faceid-redirect` detail. Cancel the event to navigate yourself (e.g. in a popup or a router). */
export interface FaceIdRedirectDetail {
  bizToken: string;
  verificationUrl: string;
}

/** Every event `<faceid-verify>` fires. All bubble and are composed; only `faceid-redirect` is cancelable. */
export interface FaceIdEventMap {
  'faceid-statechange': CustomEvent<FaceIdStateChangeDetail>;
  'faceid-start': CustomEvent<FaceIdStartDetail>;
  'faceid-redirect': CustomEvent<FaceIdRedirectDetail>;
  'faceid-result': CustomEvent<WebVerificationResult>;
  'faceid-error': CustomEvent<FaceIdErrorDetail>;
}

export type FaceIdEventName = keyof FaceIdEventMap;

export type FaceIdEventDetail<K extends FaceIdEventName> = FaceIdEventMap[K]['detail'];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FaceIdEventMap {}
}
