/** `GetFaceIdResultIntl` (selfie App SDK, seed 000, faceid-api.md §4.2): `Result` is a string code. */
import { FACE_BASE64, VIDEO_BASE64 } from '../media.js';
import { requiredString } from '../params.js';
import { INTL_REGIONS, type ActionDefinition } from './action.js';
import { sdkDescription, sdkResult, UNFINISHED_RESULT } from './sdk-result.js';

export const getFaceIdResultIntl: ActionDefinition = {
  regions: INTL_REGIONS,
  handle(params, { store, now, region }) {
    const flow = store.read(requiredString(params, 'SdkToken'), ['sdk'], region, now);
    const result = sdkResult(flow);
    const finished = result !== UNFINISHED_RESULT;
    const similarity = flow.verdict?.attempts.at(-1)?.similarity ?? null;
    return {
      Result: result,
      Description: sdkDescription(result),
      BestFrame: finished ? FACE_BASE64 : null,
      Video: finished ? VIDEO_BASE64 : null,
      // Similarity only means something in compare mode; Tencent sends 0 otherwise.
      Similarity: finished ? (flow.compare ? (similarity ?? 0) : 0) : null,
      Extra: flow.extra ?? null,
    };
  },
};
