/**
 * Server-to-server rows (design.md): `POST /sdk/tokens` (GetFaceIdTokenIntl), `POST /sdk/results`
 * (GetFaceIdResultIntl), `POST /sdk/verification-results` (GetSdkVerificationResult), `POST /image-recognition`
 * (ImageRecognitionV2). Same actions in both web flows.
 */
import { normaliseFaceIdResult, normaliseImageRecognition, normaliseSdkVerificationResult } from '../normalise-sdk.js';
import {
  BROWSER_BODY_LIMIT,
  IMAGE_BODY_LIMIT,
  ImageRecognitionRequestSchema,
  SdkResultRequestSchema,
  SdkTokenRequestSchema,
} from '../schemas.js';
import { route } from './route.js';

/** SdkToken life to start the App SDK, ms (faceid-api.md §1.4). */
const SDK_TOKEN_TTL_MS = 10 * 60 * 1000;

export const SDK_ROUTES = [
  route({
    name: 'sdk.tokens',
    method: 'POST',
    path: '/sdk/tokens',
    kind: 'server',
    schema: SdkTokenRequestSchema,
    bodyLimit: IMAGE_BODY_LIMIT,
    status: 201,
    upstream: {
      action: 'GetFaceIdTokenIntl',
      request: ({ body }) => ({
        CheckMode: body.checkMode,
        SecureLevel: body.secureLevel,
        Image: body.imageBase64,
        Extra: body.extra,
        ActionList: body.actionList,
        SdkVersion: body.sdkVersion,
        RetryLimit: body.retryLimit,
      }),
      answer: (reply, { deps }) => ({
        sdkToken: reply.SdkToken,
        expiresAt: new Date(deps.options.now() + SDK_TOKEN_TTL_MS).toISOString(),
        requestId: reply.RequestId,
      }),
    },
  }),
  route({
    name: 'sdk.results',
    method: 'POST',
    path: '/sdk/results',
    kind: 'server',
    schema: SdkResultRequestSchema,
    bodyLimit: BROWSER_BODY_LIMIT,
    upstream: {
      action: 'GetFaceIdResultIntl',
      request: ({ body }) => ({ SdkToken: body.sdkToken }),
      answer: (reply, { deps }) => normaliseFaceIdResult(reply, deps.options.media),
    },
  }),
  route({
    name: 'sdk.verification-results',
    method: 'POST',
    path: '/sdk/verification-results',
    kind: 'server',
    schema: SdkResultRequestSchema,
    bodyLimit: BROWSER_BODY_LIMIT,
    upstream: {
      action: 'GetSdkVerificationResult',
      request: ({ body }) => ({ SdkToken: body.sdkToken }),
      answer: (reply, { deps }) => normaliseSdkVerificationResult(reply, deps.options.media),
    },
  }),
  route({
    name: 'sdk.image-recognition',
    method: 'POST',
    path: '/image-recognition',
    kind: 'server',
    schema: ImageRecognitionRequestSchema,
    bodyLimit: IMAGE_BODY_LIMIT,
    upstream: {
      action: 'ImageRecognitionV2',
      request: ({ body }) => ({
        IdCard: body.idCard,
        Name: body.name,
        ImageBase64: body.imageBase64,
        Extra: body.extra,
      }),
      answer: (reply) => normaliseImageRecognition(reply),
      // A failed comparison may arrive as Response.Error with a FailedOperation.* code: still a verdict.
      verdict: ({ upstreamCode, requestId }) =>
        normaliseImageRecognition({ Result: upstreamCode, Description: '', Sim: null, RequestId: requestId }),
    },
  }),
];
