/**
 * Server-to-server routes (design.md): `POST /sdk/tokens` (GetFaceIdTokenIntl), `POST /sdk/results`
 * (GetFaceIdResultIntl), `POST /sdk/verification-results` (GetSdkVerificationResult), `POST /image-recognition`
 * (ImageRecognitionV2). They need `Authorization: Bearer <apiKey>` or the `authorize` hook (404 when neither
 * is configured, 401 otherwise) and never get CORS headers.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import { ProxyError } from '../errors.js';
import { normaliseFaceIdResult, normaliseImageRecognition, normaliseSdkVerificationResult } from '../normalise-sdk.js';
import { jsonBodyGuards, readBody } from '../request.js';
import {
  BROWSER_BODY_LIMIT,
  IMAGE_BODY_LIMIT,
  ImageRecognitionRequestSchema,
  SdkResultRequestSchema,
  SdkTokenRequestSchema,
} from '../schemas.js';
import { authorizeServer, serverRoutesEnabled } from '../server-auth.js';
import { CALLER_INPUT, callUpstream } from './call.js';

export const SDK_ROUTES = ['/sdk/tokens', '/sdk/results', '/sdk/verification-results', '/image-recognition'];
/** SdkToken life to start the App SDK, ms (faceid-api.md §1.4). */
const SDK_TOKEN_TTL_MS = 10 * 60 * 1000;
/** ImageRecognitionV2 codes of a passing outage (faceid-api.md §5.3): 503, worth retrying later. */
const TRANSIENT_IMAGE_CODES = new Set([
  'FailedOperation.CompareLibServiceUnavailable',
  'FailedOperation.CompareSystemError',
  'FailedOperation.IdPhotoSystemNoanswer',
]);
/** ImageRecognitionV2 codes of a fault rather than a verdict about the photo: stay 502. */
const FAULT_IMAGE_CODES = new Set([
  'FailedOperation.DecryptSystemError',
  'FailedOperation.StsUnAuthErrError',
  'FailedOperation.UnKnown',
]);

function serverGuard(deps: ProxyDeps): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    c.set('route', c.req.path.replace(/^.*\/(sdk\/|)/, 'sdk.'));
    if (!serverRoutesEnabled(deps.options)) throw new ProxyError('not_found', 'No such route');
    const verdict = await authorizeServer(c, deps.options);
    if (verdict instanceof Response) return verdict;
    if (verdict !== true) {
      throw new ProxyError('unauthorized', 'A valid API key is required', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    return next();
  };
}

export function registerSdkRoutes(app: Hono<ProxyEnv>, deps: ProxyDeps, limit: MiddlewareHandler): void {
  const small = every(limit, serverGuard(deps), ...jsonBodyGuards(BROWSER_BODY_LIMIT));
  const large = every(limit, serverGuard(deps), ...jsonBodyGuards(IMAGE_BODY_LIMIT));
  app.post('/sdk/tokens', large, (c) => createSdkToken(c, deps));
  app.post('/sdk/results', small, async (c) => {
    const { sdkToken } = await readBody(c, SdkResultRequestSchema);
    const reply = await callUpstream(
      c,
      deps,
      'GetFaceIdResultIntl',
      (client, call) => client.getFaceIdResultIntl({ SdkToken: sdkToken }, call),
      CALLER_INPUT,
    );
    return c.json(normaliseFaceIdResult(reply, deps.options.media));
  });
  app.post('/sdk/verification-results', small, async (c) => {
    const { sdkToken } = await readBody(c, SdkResultRequestSchema);
    const reply = await callUpstream(
      c,
      deps,
      'GetSdkVerificationResult',
      (client, call) => client.getSdkVerificationResult({ SdkToken: sdkToken }, call),
      CALLER_INPUT,
    );
    return c.json(normaliseSdkVerificationResult(reply, deps.options.media));
  });
  app.post('/image-recognition', large, (c) => recogniseImage(c, deps));
}

async function createSdkToken(c: Context<ProxyEnv>, deps: ProxyDeps): Promise<Response> {
  const body = await readBody(c, SdkTokenRequestSchema);
  const request = {
    CheckMode: body.checkMode,
    SecureLevel: body.secureLevel,
    Image: body.imageBase64,
    Extra: body.extra,
    ActionList: body.actionList,
    SdkVersion: body.sdkVersion,
    RetryLimit: body.retryLimit,
  };
  const reply = await callUpstream(
    c,
    deps,
    'GetFaceIdTokenIntl',
    (client, call) => client.getFaceIdTokenIntl(request, call),
    CALLER_INPUT,
  );
  const expiresAt = new Date(deps.options.now() + SDK_TOKEN_TTL_MS).toISOString();
  return c.json({ sdkToken: reply.SdkToken, expiresAt, requestId: reply.RequestId }, 201);
}

async function recogniseImage(c: Context<ProxyEnv>, deps: ProxyDeps): Promise<Response> {
  const body = await readBody(c, ImageRecognitionRequestSchema);
  const request = { IdCard: body.idCard, Name: body.name, ImageBase64: body.imageBase64, Extra: body.extra };
  try {
    const reply = await callUpstream(
      c,
      deps,
      'ImageRecognitionV2',
      (client, call) => client.imageRecognitionV2(request, call),
      CALLER_INPUT,
    );
    return c.json(normaliseImageRecognition(reply));
  } catch (error) {
    // A failed comparison may arrive as Response.Error with a FailedOperation.* code: still a verdict.
    const code =
      error instanceof ProxyError && error.code === 'upstream_error' ? error.details.upstreamCode : undefined;
    if (code === undefined || !code.startsWith('FailedOperation.') || FAULT_IMAGE_CODES.has(code)) throw error;
    if (TRANSIENT_IMAGE_CODES.has(code)) {
      const details = (error as ProxyError).details;
      throw new ProxyError('upstream_unavailable', 'FaceID comparison is temporarily unavailable', {
        ...details,
        retryable: true,
      });
    }
    const requestId = (error as ProxyError).details.requestId ?? '';
    c.set('upstreamRequestId', requestId);
    return c.json(normaliseImageRecognition({ Result: code, Description: '', Sim: null, RequestId: requestId }));
  }
}
