export { createFaceIdProxy } from './app.js';
export { readFlow, upstreamReaderOf, type FlowRead, type UpstreamReader } from './flow-read.js';
export { createBindingIssuer, type BindingIssuer, type Flow } from './binding.js';
export { ERROR_STATUS, ProxyError, type ProxyErrorCode } from './errors.js';
export { normaliseWebResult, webStatus } from './normalise.js';
export { sdkStatus } from './normalise-sdk.js';
export { canonicalReturnUrl, createRedirectMatcher } from './redirect-url.js';
export { REQUEST_ID_FORMAT } from './request-id.js';
export { routeBodyLimit } from './routes/engine.js';
export type { Answer, Route, RouteInput, RouteKind, UpstreamStep, VerdictInput } from './routes/route.js';
export { ROUTES } from './routes/table.js';
export { BROWSER_BODY_LIMIT, IMAGE_BODY_LIMIT, LANGUAGES } from './schemas.js';
export type {
  FaceIdProxyOptions,
  MediaOptions,
  SessionAdditions,
  WebSession,
  WebVerificationAttempt,
  WebVerificationResult,
} from './types.js';
