/**
 * Turns `GetWebVerificationResultIntl` / `GetWebVerificationResult` replies into the design's
 * `WebVerificationResult`. Status rules (design.md): ErrorCode 0 → passed; no ErrorCode (or the old "not
 * finished" 17) → incomplete (FaceID has no verdict yet, whatever attempts exist); 1409 timed out and 1410 user
 * quit → incomplete; 15 or `InvalidParameterValue.BizTokenExpired` → expired; any other code → failed.
 * Media, video, OCR and card images are left out unless `MediaOptions` turns each on.
 */
import type { WebVerificationResult, WebVerificationAttempt, MediaOptions } from './types.js';

const INCOMPLETE_CODES = new Set([17, 1409, 1410]);
const EXPIRED_CODE = 15;
/** Tencent's error code for a BizToken past its life (faceid-api.md §5.3). */
export const BIZ_TOKEN_EXPIRED = 'InvalidParameterValue.BizTokenExpired';

type Raw = Record<string, unknown>;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function records(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter((v): v is Raw => typeof v === 'object' && v !== null) : [];
}

function isoTime(ms: number | null): string | null {
  if (ms === null) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A `VerificationDetail` as an attempt; `ReqTimestamp` (Unix ms) becomes ISO 8601 `at`. */
function toAttempt(detail: Raw): WebVerificationAttempt {
  return {
    errorCode: num(detail['ErrorCode']),
    livenessErrorCode: num(detail['LivenessErrorCode']),
    compareErrorCode: num(detail['CompareErrorCode']),
    similarity: num(detail['Similarity']),
    at: isoTime(num(detail['ReqTimestamp'])),
  };
}

/** The web status of a verdict code. */
export function webStatus(errorCode: number | null): WebVerificationResult['status'] {
  if (errorCode === 0) return 'passed';
  if (errorCode === null || INCOMPLETE_CODES.has(errorCode)) return 'incomplete';
  if (errorCode === EXPIRED_CODE) return 'expired';
  return 'failed';
}

/** The attempt that decided: the last one whose code equals the verdict, else the last one. */
function decidingAttempt(attempts: WebVerificationAttempt[], errorCode: number | null) {
  return attempts.findLast((attempt) => attempt.errorCode === errorCode) ?? attempts.at(-1);
}

/** Normalises a web result reply (intl or legacy: both share ErrorCode, ErrorMsg, VerificationDetailList). */
export function normaliseWebResult(reply: object, media: MediaOptions = {}): WebVerificationResult {
  const raw = reply as Raw;
  const errorCode = num(raw['ErrorCode']);
  const attempts = records(raw['VerificationDetailList']).map(toAttempt);
  const result: WebVerificationResult = {
    status: webStatus(errorCode),
    errorCode,
    errorMessage: text(raw['ErrorMsg']),
    similarity: errorCode === null ? null : (decidingAttempt(attempts, errorCode)?.similarity ?? null),
    attempts,
    extra: text(raw['Extra']),
    requestId: text(raw['RequestId']) ?? '',
  };
  return Object.assign(result, webMedia(raw, media));
}

/** The opt-in media fields, named in camelCase after Tencent's. */
function webMedia(raw: Raw, media: MediaOptions): Partial<WebVerificationResult> {
  const out: Partial<WebVerificationResult> = {};
  if (media.video) {
    if ('VideoBase64' in raw) out.videoBase64 = text(raw['VideoBase64']);
    if ('VideoUrl' in raw) out.videoUrl = text(raw['VideoUrl']);
  }
  if (media.bestFrame) {
    if ('BestFrameBase64' in raw) out.bestFrameBase64 = text(raw['BestFrameBase64']);
    if ('VideoBestFrameUrl' in raw) out.bestFrameUrl = text(raw['VideoBestFrameUrl']);
  }
  if (media.ocr) out.ocr = records(raw['OCRResult']).map((ocr) => stripCardImages(ocr, media.cardImages === true));
  return out;
}

const CARD_IMAGE_FIELDS = [
  'CardImageBase64',
  'CardCutImageBase64',
  'CardBackCutImageBase64',
  'HeadImageBase64',
  'CardBackImageBase64',
];

function stripCardImages(ocr: Raw, keepImages: boolean): Raw {
  if (keepImages) return ocr;
  const copy = { ...ocr };
  for (const field of CARD_IMAGE_FIELDS) delete copy[field];
  return copy;
}

/** The result for a BizToken FaceID reports as expired (`InvalidParameterValue.BizTokenExpired`). */
export function expiredWebResult(requestId: string, message: string | null): WebVerificationResult {
  return {
    status: 'expired',
    errorCode: null,
    errorMessage: message,
    similarity: null,
    attempts: [],
    extra: null,
    requestId,
  };
}
