export { FaceIdVerifyElement } from './faceid-verify.js';
export { FaceIdState, FACEID_STATES } from './states.js';
export { FaceIdMode } from './modes.js';
export type { FlowMode } from './modes.js';
export type { FaceIdErrorDetail, ResultStatus, WebVerificationResult } from './states.js';
export type {
  FaceIdEventDetail,
  FaceIdEventMap,
  FaceIdEventName,
  FaceIdRedirectDetail,
  FaceIdStartDetail,
  FaceIdStateChangeDetail,
} from './events.js';
export type { ElementErrorCode } from './proxy-api.js';
export { MESSAGES, resolveLocale } from './messages/index.js';
export type { Locale, Messages } from './messages/index.js';
