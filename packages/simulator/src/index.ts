/** `@faceid-verify/simulator`: a local FaceID API and hosted page. Web APIs only; Node serving is in `./node`. */
export { createSimulator } from './app.js';
export { FAULT_MODES, FAULT_REDIRECT_LOCATION, type FaultMode } from './faults.js';
export type { CallRecord } from './state.js';
export {
  DEMO_CREDENTIALS,
  OUTCOMES,
  PAGE_OUTCOMES,
  type Outcome,
  type SimulatorCredential,
  type SimulatorOptions,
} from './types.js';
export { callSimulator, signedApiRequest, type ApiReply, type SignedApiRequestOptions } from './sign-request.js';
