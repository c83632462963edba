/**
 * The fixed set of FaceID actions the client can call, with what the wire needs to know about each:
 * default host, whether `X-TC-Region` is sent, whether it is a read (retried) and what a reply must contain.
 * Source: faceid-api.md §1–§4 (API version 2018-03-01).
 */
import type {
  GetFaceIdResultIntlRequest,
  GetFaceIdResultIntlResponse,
  GetFaceIdTokenIntlRequest,
  GetFaceIdTokenIntlResponse,
  GetSdkVerificationResultRequest,
  GetSdkVerificationResultResponse,
  ImageRecognitionV2Request,
  ImageRecognitionV2Response,
} from './types-sdk.js';
import type {
  ApplyWebVerificationBizTokenIntlRequest,
  ApplyWebVerificationBizTokenIntlResponse,
  ApplyWebVerificationTokenRequest,
  ApplyWebVerificationTokenResponse,
  GetWebVerificationResultIntlRequest,
  GetWebVerificationResultIntlResponse,
  GetWebVerificationResultRequest,
  GetWebVerificationResultResponse,
} from './types-web.js';

/** `X-TC-Version` of every FaceID action used here. */
export const FACEID_API_VERSION = '2018-03-01';
/** Signing service of both FaceID hosts. */
export const FACEID_SERVICE = 'faceid';
/** Default endpoint of the international actions. */
export const FACEID_INTL_ENDPOINT = 'https://faceid.intl.tencentcloudapi.com';
/** Default endpoint of the mainland host, used by the legacy web pair. */
export const FACEID_MAINLAND_ENDPOINT = 'https://faceid.tencentcloudapi.com';

/** Request and response type of each action. */
export interface FaceIdActionTypes {
  ApplyWebVerificationBizTokenIntl: [ApplyWebVerificationBizTokenIntlRequest, ApplyWebVerificationBizTokenIntlResponse];
  GetWebVerificationResultIntl: [GetWebVerificationResultIntlRequest, GetWebVerificationResultIntlResponse];
  ApplyWebVerificationToken: [ApplyWebVerificationTokenRequest, ApplyWebVerificationTokenResponse];
  GetWebVerificationResult: [GetWebVerificationResultRequest, GetWebVerificationResultResponse];
  GetFaceIdTokenIntl: [GetFaceIdTokenIntlRequest, GetFaceIdTokenIntlResponse];
  GetFaceIdResultIntl: [GetFaceIdResultIntlRequest, GetFaceIdResultIntlResponse];
  GetSdkVerificationResult: [GetSdkVerificationResultRequest, GetSdkVerificationResultResponse];
  ImageRecognitionV2: [ImageRecognitionV2Request, ImageRecognitionV2Response];
}

export type FaceIdAction = keyof FaceIdActionTypes;
export type FaceIdRequest<A extends FaceIdAction> = FaceIdActionTypes[A][0];
export type FaceIdResponse<A extends FaceIdAction> = FaceIdActionTypes[A][1];

export interface FaceIdActionSpec {
  /** Default endpoint when the client is given none. */
  endpoint: string;
  /** Sends `X-TC-Region` (ImageRecognitionV2 takes none). */
  regional: boolean;
  /** A result read: safe to retry. Token creation is never retried once sent. */
  read: boolean;
  /** Non-empty string fields a successful reply must carry besides `RequestId`. */
  required: readonly string[];
}

const intl = FACEID_INTL_ENDPOINT;
const mainland = FACEID_MAINLAND_ENDPOINT;

export const FACEID_ACTIONS: Readonly<Record<FaceIdAction, FaceIdActionSpec>> = {
  ApplyWebVerificationBizTokenIntl: {
    endpoint: intl,
    regional: true,
    read: false,
    required: ['BizToken', 'VerificationURL'],
  },
  GetWebVerificationResultIntl: { endpoint: intl, regional: true, read: true, required: [] },
  ApplyWebVerificationToken: {
    endpoint: mainland,
    regional: true,
    read: false,
    required: ['BizToken', 'VerificationUrl'],
  },
  GetWebVerificationResult: { endpoint: mainland, regional: true, read: true, required: [] },
  GetFaceIdTokenIntl: { endpoint: intl, regional: true, read: false, required: ['SdkToken'] },
  GetFaceIdResultIntl: { endpoint: intl, regional: true, read: true, required: ['Result'] },
  GetSdkVerificationResult: { endpoint: intl, regional: true, read: true, required: ['Result'] },
  ImageRecognitionV2: { endpoint: intl, regional: false, read: false, required: ['Result'] },
};
