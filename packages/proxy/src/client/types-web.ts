/**
 * Request and response shapes of FaceID's web (H5) verification actions, field for field as in
 * faceid-api.md §3 (Tencent's spelling; API version 2018-03-01). Every response also carries `RequestId`.
 * Optional request fields accept `undefined`; the client drops them (and `null` members) before signing.
 */

/** `Config` of `ApplyWebVerificationBizTokenIntl` (`WebVerificationConfigIntl`); every field optional. */
export interface WebVerificationConfigIntl {
  /** Skip the start page. Default `false`. */
  AutoSkipStartPage?: boolean | undefined;
  /** On success, skip the result page and go straight to RedirectURL. Default `false`. */
  AutoSkip?: boolean | undefined;
  /** 1 OCR + liveness + comparison, 2 liveness + comparison (default), 3 liveness only, 4 OCR only. */
  CheckMode?: number | undefined;
  /** Document type for OCR, e.g. `HKIDCard`, `InternationalIDPassport` (spelled `IDCardType`). */
  IDCardType?: string | undefined;
  /** Turn off blocking on document alarms. Default `false`. */
  DisableCheckOcrWarnings?: boolean | undefined;
  /** 1 silent, 2 action, 3 lighting (default), 4 action + lighting, 5 action + lighting (high). */
  SecurityLevel?: number | undefined;
  /** Skip the consent page. Default `false`. */
  SkipPrivacyPolicy?: boolean | undefined;
  /** Return cropped document images. Default `false`. */
  IdCardCutReturn?: boolean | undefined;
  /** Hex RGB, default `#2d72f1`. */
  ThemeColor?: string | undefined;
  /** Hosted-page language: `en` (default), `th`, `zh-cn`, `zh-tc`, `id`. */
  Language?: string | undefined;
  /** 1 fall back to silent liveness (default), 2 never. */
  AutoDowngrade?: number | undefined;
  /** One or two of `blink`, `mouth`, `nod`, `shake`, comma-separated; action security levels only. */
  ActionList?: string | undefined;
  /** Liveness attempts, 1–99 (default 99). */
  LivenessRetryLimit?: number | undefined;
  /** Liveness timeout in seconds, (0, 600], default 45. */
  LivenessTimeout?: number | undefined;
  /** Comma list of OCR alarm codes that block (`-9101`…`-9109`); empty means all. */
  SelectedWarningCodes?: string | undefined;
  /** HKID only. Default `true`. */
  AllowExpiredDocument?: boolean | undefined;
  /** `BASIC` (default) or `PLUS`. */
  Version?: string | undefined;
}

/** `ApplyWebVerificationBizTokenIntl` request: starts an international H5 verification. */
export interface ApplyWebVerificationBizTokenIntlRequest {
  /** Where the hosted page returns; `token=<BizToken>` is appended. */
  RedirectURL: string;
  /** Comparison photo, base64 without `data:` prefix, ≤ 8 MB. */
  CompareImageBase64?: string | undefined;
  /** Pass-through value, ≤ 1,000 characters, echoed by GetWebVerificationResultIntl. */
  Extra?: string | undefined;
  /** Business-flow ID created in the console. */
  RuleId?: string | undefined;
  Config?: WebVerificationConfigIntl | undefined;
}

/** `ApplyWebVerificationBizTokenIntl` response. */
export interface ApplyWebVerificationBizTokenIntlResponse {
  /** Token of this verification: start the flow within 10 minutes; results readable for 3 days. */
  BizToken: string;
  /** The hosted page to open. The client fills it from `VerificationUrl` when Tencent sent only that. */
  VerificationURL: string;
  /** Same URL under the spec's other casing; often absent. */
  VerificationUrl?: string | null;
  RequestId: string;
}

/** One attempt of a web verification (`VerificationDetail`); every field nullable. */
export interface VerificationDetail {
  /** Final code of this attempt, 0 = same person (H5 table, faceid-api.md §5.5). */
  ErrorCode: number | null;
  ErrorMsg: string | null;
  /** 0 = live. */
  LivenessErrorCode: number | null;
  LivenessErrorMsg: string | null;
  /** 0 = match. */
  CompareErrorCode: number | null;
  CompareErrorMsg: string | null;
  /** Time of the attempt in Unix **milliseconds**. */
  ReqTimestamp: number | null;
  /** 0.00–100.00; the same person at ≥ 70 by default. */
  Similarity: number | null;
  /** Attempt ID. */
  Seq: string | null;
  /** Liveness rejection tags `01`–`14` (PLUS edition only). */
  LivenessInfoTag?: string[] | null;
}

/** Document types of `CardInfo` / `NormalCardInfo`; their fields vary per document and are not modelled here. */
export type CardInfo = Partial<Record<string, Record<string, unknown> | null>>;

/** Document OCR result of a web verification (`OCRResult`, CheckMode 1 or 4). */
export interface OCRResult {
  IsPass: boolean | null;
  /** Front of the document, base64. */
  CardImageBase64?: string | null;
  CardInfo?: CardInfo | null;
  NormalCardInfo?: CardInfo | null;
  RequestId?: string | null;
  CardCutImageBase64?: string | null;
  CardBackCutImageBase64?: string | null;
  /** Alarm codes: -9101 border/covered, -9102 photocopy, -9103 screen, -9104 edited, -9107 glare, -9108 blur. */
  WarnCardInfos?: number[] | null;
  /** JSON string of raw OCR fields (CheckMode 4). */
  OriginalCardInfo?: string | null;
  HeadImageBase64?: string | null;
  CardBackImageBase64?: string | null;
}

/** `GetWebVerificationResultIntl` request. */
export interface GetWebVerificationResultIntlRequest {
  /** From ApplyWebVerificationBizTokenIntl; readable for 3 days. */
  BizToken: string;
}

/** `GetWebVerificationResultIntl` response: the verdict and every attempt. */
export interface GetWebVerificationResultIntlResponse {
  /** Final result: 0 = passed, other H5 codes (§5.5) failed, `null` = no result yet. */
  ErrorCode: number | null;
  ErrorMsg: string | null;
  /** One entry per attempt, in order. */
  VerificationDetailList: VerificationDetail[] | null;
  /** Video of the last attempt, base64. */
  VideoBase64: string | null;
  /** Best face frame of the last attempt, base64. */
  BestFrameBase64: string | null;
  OCRResult: OCRResult[] | null;
  /** The pass-through value given to Apply. */
  Extra: string | null;
  RequestId: string;
}

/** `ApplyWebVerificationToken` request (legacy web flow; note the `Url` spelling). All fields required. */
export interface ApplyWebVerificationTokenRequest {
  RedirectUrl: string;
  /** COS URL of the comparison photo, in the request's region. */
  CompareImageUrl: string;
  /** MD5 of that image (32 hex). */
  CompareImageMd5: string;
}

/** `ApplyWebVerificationToken` response. */
export interface ApplyWebVerificationTokenResponse {
  VerificationUrl: string;
  /** Valid 7,200 s to start; results readable for 3 days. */
  BizToken: string;
  RequestId: string;
}

/** `GetWebVerificationResult` request (legacy). */
export interface GetWebVerificationResultRequest {
  BizToken: string;
}

/** `GetWebVerificationResult` response (legacy): media as 10-minute COS URLs plus MD5. All nullable. */
export interface GetWebVerificationResultResponse {
  /** 0 = passed. */
  ErrorCode: number | null;
  ErrorMsg: string | null;
  VideoBestFrameUrl: string | null;
  VideoBestFrameMd5: string | null;
  VerificationDetailList: Omit<VerificationDetail, 'LivenessInfoTag'>[] | null;
  VideoUrl: string | null;
  VideoMd5: string | null;
  RequestId: string;
}
