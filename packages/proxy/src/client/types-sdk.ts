/**
 * Request and response shapes of FaceID's App-SDK and server actions, field for field as in faceid-api.md §4
 * (Tencent's spelling; API version 2018-03-01). Result codes of these actions are **strings**.
 */

/** `GetFaceIdTokenIntl` request: a token for the selfie-verification App SDK. */
export interface GetFaceIdTokenIntlRequest {
  /** `liveness` (default) or `compare` (liveness + comparison with `Image`). */
  CheckMode?: string | undefined;
  /** A string: `"1"` silent, `"2"` action, `"3"` lighting, `"4"` action + lighting (default). */
  SecureLevel?: string | undefined;
  /** Base64 comparison photo; required when CheckMode is `compare`. */
  Image?: string | undefined;
  /** Pass-through value. */
  Extra?: string | undefined;
  /** One or two of `blink`, `mouth`, `nod`, `shake`; SecureLevel 2 or 4 only. */
  ActionList?: string | undefined;
  /** `BASIC` (default), `ENHANCED`, `PRO` or `PLUS`. */
  SdkVersion?: string | undefined;
  /** Attempts, 1–5 (default 5). */
  RetryLimit?: number | undefined;
}

/** `GetFaceIdTokenIntl` response. */
export interface GetFaceIdTokenIntlResponse {
  /** Start the SDK within 10 minutes. */
  SdkToken: string;
  RequestId: string;
}

/** `GetFaceIdResultIntl` request. */
export interface GetFaceIdResultIntlRequest {
  /** From GetFaceIdTokenIntl; results readable for 2 h (72 h per the current docs). */
  SdkToken: string;
}

/** `GetFaceIdResultIntl` response. Media are absent until the process finished. */
export interface GetFaceIdResultIntlResponse {
  /** `"0"` success, `"-999"` not finished yet (poll again), other codes in §5.4. */
  Result: string;
  Description: string;
  /** Best frame, base64. */
  BestFrame?: string | null;
  /** Video with the colour-reflection effect, base64. */
  Video?: string | null;
  /** Video of the action part, base64. */
  ActionVideo?: string | null;
  /** 0–100, meaningful in `compare` mode only. */
  Similarity?: number | null;
  Extra?: string | null;
  /** `1` secure … `4` high risk, empty when unknown (ENHANCED/PLUS). */
  DeviceInfoLevel?: string | null;
  /** Liveness rejection tags (PLUS/PRO), App-SDK numbering (§5.6). */
  LivenessInfoTag?: string[] | null;
  RequestId: string;
}

/** `FileInfo`: a temporary COS file. */
export interface FileInfo {
  /** Temporary URL (typically 10 minutes). */
  Url: string | null;
  /** MD5, 32 hex. */
  MD5: string | null;
  /** Size in bytes. */
  Size: number | null;
}

/** `EditDetail`: one OCR field the user changed. */
export interface EditDetail {
  FieldName: string | null;
  OriginalFieldValue: string | null;
  RevisedFieldValue: string | null;
}

/** `CardVerifyResult`: one document capture; the last entry counts. */
export interface CardVerifyResult {
  IsPass: boolean | null;
  /** The user edited the OCR result. */
  IsEdit?: boolean | null;
  CardVideo?: FileInfo | null;
  CardImage?: FileInfo | null;
  /** JSON of the OCR fields; empty on failure. */
  CardInfoOcrJson?: FileInfo | null;
  RequestId?: string | null;
  CardInfo?: Record<string, unknown> | null;
  NormalCardInfo?: Record<string, unknown> | null;
  /** `-91xx` alarm codes. */
  WarnCardInfos?: number[] | null;
  EditDetails?: EditDetail[] | null;
}

/** `CompareResult`: one liveness + comparison attempt; the last entry counts. Codes are strings. */
export interface CompareResult {
  ErrorCode: string | null;
  ErrorMsg: string | null;
  LiveData?: FileInfo | null;
  LiveVideo?: FileInfo | null;
  ActionVideo?: FileInfo | null;
  LiveErrorCode: string | null;
  LiveErrorMsg: string | null;
  BestFrame?: FileInfo | null;
  /** Portrait cut from the document. */
  ProfileImage?: FileInfo | null;
  /** Empty string when no comparison ran. */
  CompareErrorCode: string | null;
  CompareErrorMsg: string | null;
  /** Similarity 0–100. */
  Sim: number | null;
  /** Deprecated. */
  IsNeedCharge?: boolean | null;
  CardInfoInputJson?: FileInfo | null;
  RequestId?: string | null;
  LivenessInfoTag?: string[] | null;
}

/** `GetSdkVerificationResult` request (tokens of ApplySdkVerificationToken). */
export interface GetSdkVerificationResultRequest {
  /** Readable for 3 days. */
  SdkToken: string;
}

/** `GetSdkVerificationResult` response. */
export interface GetSdkVerificationResultResponse {
  /** Result code string, same set as `CompareResult.ErrorCode` (`"0"` = success). */
  Result: string;
  Description: string;
  /** Billed count. */
  ChargeCount: number | null;
  CardVerifyResults: CardVerifyResult[] | null;
  CompareResults: CompareResult[] | null;
  Extra: string | null;
  /** ENHANCED/PLUS only. */
  DeviceInfoLevel?: string | null;
  RequestId: string;
}

/** `Encryption` of `ImageRecognitionV2`: which fields are encrypted and how. */
export interface Encryption {
  /** Encrypted field names, e.g. `["Name", "IdCard"]`. */
  EncryptList: string[];
  /** The encrypted symmetric key. */
  CiphertextBlob: string;
  /** 16-character CBC IV. */
  Iv: string;
  /** `AES-256-CBC` (default) or `SM4-GCM`. */
  Algorithm?: string | undefined;
  /** SM4-GCM tags. */
  TagList?: string[] | undefined;
}

/** `ImageRecognitionV2` request: compares a photo with the authoritative ID-photo database. Takes no Region. */
export interface ImageRecognitionV2Request {
  /** ID number (or its ciphertext with `Encryption`). */
  IdCard: string;
  /** Name, UTF-8. */
  Name: string;
  /** jpg/png, ≤ 3 MB after base64, standard base64 with padding. */
  ImageBase64: string;
  /** Do not send. */
  Optional?: string | undefined;
  Encryption?: Encryption | undefined;
  /** 1–10 characters, echoed back. */
  Extra?: string | undefined;
}

/** `ImageRecognitionV2` response. A failed comparison may also come as `FaceIdApiError` (`FailedOperation.*`). */
export interface ImageRecognitionV2Response {
  /** Similarity 0.00–100.00; ≥ 70 recommended. */
  Sim: number | null;
  /** `Success` or a `FailedOperation.*` code. */
  Result: string;
  Description: string;
  Extra?: string | null;
  RequestId: string;
}
