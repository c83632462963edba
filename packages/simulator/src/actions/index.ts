/** The simulated actions by `X-TC-Action` name. */
import type { ActionDefinition } from './action.js';
import { applySdkVerificationToken } from './apply-sdk-verification-token.js';
import { applyWebVerificationBizTokenIntl } from './apply-web-verification-biz-token-intl.js';
import { applyWebVerificationToken } from './apply-web-verification-token.js';
import { getFaceIdResultIntl } from './get-face-id-result-intl.js';
import { getFaceIdTokenIntl } from './get-face-id-token-intl.js';
import { getSdkVerificationResult } from './get-sdk-verification-result.js';
import { getWebVerificationResult } from './get-web-verification-result.js';
import { getWebVerificationResultIntl } from './get-web-verification-result-intl.js';
import { imageRecognitionV2 } from './image-recognition-v2.js';

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  ApplyWebVerificationBizTokenIntl: applyWebVerificationBizTokenIntl,
  GetWebVerificationResultIntl: getWebVerificationResultIntl,
  ApplyWebVerificationToken: applyWebVerificationToken,
  GetWebVerificationResult: getWebVerificationResult,
  GetFaceIdTokenIntl: getFaceIdTokenIntl,
  GetFaceIdResultIntl: getFaceIdResultIntl,
  ApplySdkVerificationToken: applySdkVerificationToken,
  GetSdkVerificationResult: getSdkVerificationResult,
  ImageRecognitionV2: imageRecognitionV2,
};

export type { ActionContext, ActionDefinition } from './action.js';
