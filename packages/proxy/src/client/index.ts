export {
  FACEID_ACTIONS,
  FACEID_API_VERSION,
  FACEID_INTL_ENDPOINT,
  FACEID_MAINLAND_ENDPOINT,
  FACEID_SERVICE,
  type FaceIdAction,
  type FaceIdActionSpec,
  type FaceIdActionTypes,
  type FaceIdRequest,
  type FaceIdResponse,
} from './actions.js';
export { serializeRequest, type FaceIdCredentials, type FaceIdFetch } from './call.js';
export { createFaceIdClient, DEFAULT_TIMEOUT_MS, type FaceIdActionMethods, type FaceIdClient } from './client.js';
export {
  FaceIdApiError,
  FaceIdBadResponseError,
  FaceIdError,
  FaceIdNetworkError,
  FaceIdTimeoutError,
} from './errors.js';
export {
  FACEID_OUTCOMES,
  upstreamOutcome,
  type OutcomeRule,
  type UpstreamEvent,
  type UpstreamOutcome,
  type Verdict,
} from './outcomes.js';
export type { FaceIdCallOptions, FaceIdClientOptions, FaceIdCredentialsOption } from './options.js';
export type { RetryPolicy } from './retry.js';
export type * from './types-sdk.js';
export type * from './types-web.js';
