/**
 * Normalised answers of the server-to-server routes, in the web result's style: a `status`, Tencent's codes
 * (strings here, as Tencent sends them), media off unless `MediaOptions` turns it on.
 * Sources: GetFaceIdResultIntl (faceid-api.md §4.2, `Result` "0" passed, "-999" not finished),
 * GetSdkVerificationResult (§4.3, the last CompareResult counts), ImageRecognitionV2 (§4.4, `Success`).
 */
import type {
  CompareResult,
  GetFaceIdResultIntlResponse,
  GetSdkVerificationResultResponse,
  ImageRecognitionV2Response,
} from '../client/index.js';
import type { MediaOptions } from './types.js';

export type SdkStatus = 'passed' | 'failed' | 'incomplete';
const NOT_FINISHED = '-999';

/** Status of an App SDK `Result` code. */
export function sdkStatus(result: string | null | undefined): SdkStatus {
  if (result === '0') return 'passed';
  if (result === NOT_FINISHED || result === null || result === undefined || result === '') return 'incomplete';
  return 'failed';
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `POST /sdk/results`: GetFaceIdResultIntl. */
export function normaliseFaceIdResult(reply: GetFaceIdResultIntlResponse, media: MediaOptions) {
  return {
    status: sdkStatus(reply.Result),
    result: str(reply.Result),
    description: str(reply.Description),
    similarity: num(reply.Similarity),
    extra: str(reply.Extra),
    deviceInfoLevel: str(reply.DeviceInfoLevel),
    livenessInfoTag: Array.isArray(reply.LivenessInfoTag)
      ? reply.LivenessInfoTag.filter((t) => typeof t === 'string')
      : null,
    requestId: reply.RequestId,
    ...(media.bestFrame ? { bestFrameBase64: str(reply.BestFrame) } : {}),
    ...(media.video ? { videoBase64: str(reply.Video), actionVideoBase64: str(reply.ActionVideo) } : {}),
  };
}

function compareAttempt(result: CompareResult, media: MediaOptions) {
  return {
    errorCode: str(result.ErrorCode),
    errorMessage: str(result.ErrorMsg),
    livenessErrorCode: str(result.LiveErrorCode),
    compareErrorCode: str(result.CompareErrorCode),
    similarity: num(result.Sim),
    ...(media.bestFrame ? { bestFrameUrl: str(result.BestFrame?.Url) } : {}),
    ...(media.video ? { videoUrl: str(result.LiveVideo?.Url) } : {}),
  };
}

/** `POST /sdk/verification-results`: GetSdkVerificationResult. */
export function normaliseSdkVerificationResult(reply: GetSdkVerificationResultResponse, media: MediaOptions) {
  const compares = (Array.isArray(reply.CompareResults) ? reply.CompareResults : []).map((r) =>
    compareAttempt(r, media),
  );
  const cards = (Array.isArray(reply.CardVerifyResults) ? reply.CardVerifyResults : []).map((card) => ({
    isPass: typeof card.IsPass === 'boolean' ? card.IsPass : null,
    isEdit: typeof card.IsEdit === 'boolean' ? card.IsEdit : null,
    warnCardInfos: Array.isArray(card.WarnCardInfos) ? card.WarnCardInfos : [],
    ...(media.ocr ? { cardInfo: card.CardInfo ?? null, normalCardInfo: card.NormalCardInfo ?? null } : {}),
    ...(media.cardImages ? { cardImageUrl: str(card.CardImage?.Url) } : {}),
  }));
  return {
    status: sdkStatus(reply.Result),
    result: str(reply.Result),
    description: str(reply.Description),
    similarity: compares.at(-1)?.similarity ?? null,
    chargeCount: num(reply.ChargeCount),
    compares,
    cards,
    extra: str(reply.Extra),
    deviceInfoLevel: str(reply.DeviceInfoLevel),
    requestId: reply.RequestId,
  };
}

/** `POST /image-recognition`: ImageRecognitionV2 (`Success` passes; a `FailedOperation.*` result fails). */
export function normaliseImageRecognition(
  reply: Pick<ImageRecognitionV2Response, 'Result' | 'Description' | 'Sim' | 'Extra' | 'RequestId'>,
) {
  return {
    status: reply.Result === 'Success' ? ('passed' as const) : ('failed' as const),
    result: str(reply.Result),
    description: str(reply.Description),
    similarity: num(reply.Sim),
    extra: str(reply.Extra),
    requestId: reply.RequestId,
  };
}
