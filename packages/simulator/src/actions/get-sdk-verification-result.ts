/**
 * `GetSdkVerificationResult` (eKYC App SDK, seed 002, faceid-api.md §4.3): string codes, one `CompareResult`
 * per attempt and the card read, media as `FileInfo` URLs. Also reads SdkTokens of `GetFaceIdTokenIntl`
 * (a simulator convenience: the shared client has no ApplySdkVerificationToken method).
 */
import { fileInfo } from '../media-routes.js';
import { h5Message, type Attempt } from '../outcomes.js';
import { requiredString } from '../params.js';
import { INTL_REGIONS, type ActionDefinition } from './action.js';
import { sdkDescription, sdkResult, UNFINISHED_RESULT } from './sdk-result.js';

function compareResult(attempt: Attempt, publicUrl: string): Record<string, unknown> {
  const compare = attempt.compareErrorCode;
  return {
    ErrorCode: String(attempt.errorCode),
    ErrorMsg: h5Message(attempt.errorCode),
    LiveData: fileInfo(publicUrl, 'video.mp4'),
    LiveVideo: fileInfo(publicUrl, 'video.mp4'),
    ActionVideo: fileInfo(publicUrl, 'video.mp4'),
    LiveErrorCode: String(attempt.livenessErrorCode ?? ''),
    LiveErrorMsg: h5Message(attempt.livenessErrorCode) ?? '',
    CompareErrorCode: compare === null ? '' : String(compare),
    CompareErrorMsg: h5Message(compare) ?? '',
    BestFrame: fileInfo(publicUrl, 'best-frame.jpg'),
    ProfileImage: fileInfo(publicUrl, 'best-frame.jpg'),
    Sim: attempt.similarity ?? 0,
    IsNeedCharge: true,
    CardInfoInputJson: fileInfo(publicUrl, 'card-ocr.json'),
    RequestId: crypto.randomUUID(),
  };
}

function cardVerifyResult(publicUrl: string): Record<string, unknown> {
  return {
    IsPass: true,
    CardVideo: fileInfo(publicUrl, 'video.mp4'),
    CardImage: fileInfo(publicUrl, 'card.jpg'),
    CardInfoOcrJson: fileInfo(publicUrl, 'card-ocr.json'),
    RequestId: crypto.randomUUID(),
  };
}

export const getSdkVerificationResult: ActionDefinition = {
  regions: INTL_REGIONS,
  handle(params, { store, now, region, publicUrl }) {
    const flow = store.read(requiredString(params, 'SdkToken'), ['ekyc', 'sdk'], region, now);
    const result = sdkResult(flow);
    const attempts = result === UNFINISHED_RESULT ? [] : (flow.verdict?.attempts ?? []);
    return {
      Result: result,
      Description: sdkDescription(result),
      ChargeCount: attempts.length,
      CardVerifyResults: attempts.length ? [cardVerifyResult(publicUrl)] : [],
      CompareResults: attempts.map((attempt) => compareResult(attempt, publicUrl)),
      Extra: flow.extra ?? '',
    };
  },
};
