import { describe, expect, it } from 'vitest';
import {
  FaceIdApiError,
  FaceIdBadResponseError,
  FaceIdError,
  FaceIdNetworkError,
  FaceIdTimeoutError,
} from './errors.js';
import { FACEID_ACTIONS, type FaceIdAction } from './actions.js';
import { isRetryable, upstreamOutcome, type UpstreamEvent } from './outcomes.js';

const isRetryableCode = (code: string) => isRetryable(upstreamOutcome('GetFaceIdResultIntl', { kind: 'api', code }));

describe('retryable Tencent codes in the outcome table (faceid-api.md §5.2)', () => {
  it.each([
    'RequestLimitExceeded',
    'RequestLimitExceeded.IPLimitExceeded',
    'RequestLimitExceeded.UinLimitExceeded',
    'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
    'InternalError',
    'InternalError.UnKnown',
    'ServiceUnavailable',
    'ResourceUnavailable',
  ])('retries %s', (code) => {
    expect(isRetryableCode(code)).toBe(true);
  });

  it.each([
    'AuthFailure.SignatureFailure',
    'AuthFailure.SignatureExpire',
    'InvalidParameterValue.BizTokenExpired',
    'LimitExceeded',
    'FailedOperation.CompareLowSimilarity',
    'UnauthorizedOperation.Activating',
    'ResourceUnavailableX',
    'InternalErrorX',
    'RequestLimitExceededX',
    '',
  ])('does not retry %j', (code) => {
    expect(isRetryableCode(code)).toBe(false);
  });
});

describe('error classes', () => {
  it('FaceIdApiError keeps Tencent’s code, message and RequestId', () => {
    const error = new FaceIdApiError('GetFaceIdResultIntl', 'InternalError', 'Try later.', 'req-1');

    expect(error).toBeInstanceOf(FaceIdError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FaceIdApiError', code: 'InternalError', requestId: 'req-1', retryable: true });
    expect(error.message).toBe('GetFaceIdResultIntl failed: InternalError: Try later.');
  });

  it('FaceIdTimeoutError names the limit in milliseconds', () => {
    const error = new FaceIdTimeoutError('ImageRecognitionV2', 250);

    expect(error).toMatchObject({ name: 'FaceIdTimeoutError', timeoutMs: 250, action: 'ImageRecognitionV2' });
    expect(error.message).toBe('ImageRecognitionV2 timed out after 250 ms');
  });

  it('FaceIdBadResponseError is retryable for 5xx and 429 only', () => {
    const retryable = [200, 302, 400, 404, 429, 500, 503].map(
      (status) => new FaceIdBadResponseError('GetFaceIdTokenIntl', status, `HTTP ${status}`).retryable,
    );

    expect(retryable).toEqual([false, false, false, false, true, true, true]);
  });

  it('FaceIdNetworkError describes its cause by name, inner message and code, and keeps it as `cause`', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const cause = new TypeError('fetch failed', { cause: inner });
    const error = new FaceIdNetworkError('GetFaceIdTokenIntl', cause);

    expect(error.message).toBe(
      'GetFaceIdTokenIntl failed: network error (TypeError: connect ECONNREFUSED 127.0.0.1:1: ECONNREFUSED)',
    );
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(true);
    expect(new FaceIdNetworkError('X', 'a string').message).toBe('X failed: network error (unknown cause)');
  });

  it('FaceIdNetworkError names the code of a cause without a chain (undici dispatch errors)', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8788'), { code: 'ECONNREFUSED' });

    expect(new FaceIdNetworkError('GetFaceIdResultIntl', cause).detail).toBe(
      'Error: connect ECONNREFUSED 127.0.0.1:8788: ECONNREFUSED',
    );
  });
});

describe('the outcome table (outcomes.ts)', () => {
  const READS = (Object.keys(FACEID_ACTIONS) as FaceIdAction[]).filter((action) => FACEID_ACTIONS[action].read);
  const STARTS = (Object.keys(FACEID_ACTIONS) as FaceIdAction[]).filter((action) => !FACEID_ACTIONS[action].read);
  const REREAD: UpstreamEvent[] = [
    { kind: 'malformed' },
    { kind: 'redirect', status: 302 },
    { kind: 'redirect', status: 0 },
  ];

  it.each(READS)('%s: a malformed reply or a 3xx is upstream_bad_response, retryable', (action) => {
    for (const event of REREAD) {
      expect(upstreamOutcome(action, event)).toEqual({ error: 'upstream_bad_response', retryable: true });
    }
  });

  it.each(STARTS)('%s: a malformed reply or a 3xx is not retryable (a session may exist)', (action) => {
    for (const event of REREAD) {
      expect(upstreamOutcome(action, event)).toEqual({ error: 'upstream_bad_response', retryable: false });
    }
  });

  it('maps the transport events of every action', () => {
    for (const action of Object.keys(FACEID_ACTIONS) as FaceIdAction[]) {
      expect(upstreamOutcome(action, { kind: 'timeout' })).toEqual({ error: 'upstream_timeout', retryable: true });
      expect(upstreamOutcome(action, { kind: 'network' })).toEqual({ error: 'upstream_unavailable', retryable: true });
      expect(upstreamOutcome(action, { kind: 'http', status: 503 })).toMatchObject({ retryable: true });
      expect(upstreamOutcome(action, { kind: 'http', status: 404 })).toMatchObject({ retryable: false });
      expect(upstreamOutcome(action, { kind: 'api', code: 'AuthFailure.SignatureFailure' })).toEqual({
        error: 'upstream_error',
        retryable: false,
      });
    }
  });

  it('makes BizTokenExpired a verdict on web reads, and input errors 400 only where the caller chose the input', () => {
    const expired = { kind: 'api', code: 'InvalidParameterValue.BizTokenExpired' } as const;
    const illegal = { kind: 'api', code: 'InvalidParameterValue.BizTokenIllegal' } as const;
    expect(upstreamOutcome('GetWebVerificationResultIntl', expired)).toEqual({ verdict: 'expired' });
    expect(upstreamOutcome('GetWebVerificationResult', expired)).toEqual({ verdict: 'expired' });
    expect(upstreamOutcome('GetWebVerificationResultIntl', illegal)).toEqual({
      error: 'invalid_request',
      retryable: false,
    });
    expect(upstreamOutcome('ApplyWebVerificationBizTokenIntl', illegal)).toEqual({
      error: 'upstream_error',
      retryable: false,
    });
  });

  it('ImageRecognitionV2: a FailedOperation about the photo is a verdict, an outage 503, a fault 502', () => {
    const code = (c: string) => upstreamOutcome('ImageRecognitionV2', { kind: 'api', code: c });
    expect(code('FailedOperation.CompareLowSimilarity')).toEqual({ verdict: 'failed' });
    expect(code('FailedOperation.CompareSystemError')).toEqual({ error: 'upstream_unavailable', retryable: true });
    expect(code('FailedOperation.UnKnown')).toEqual({ error: 'upstream_error', retryable: false });
    expect(code('FailedOperation.ImageSizeTooLarge')).toEqual({ error: 'invalid_request', retryable: false });
  });

  it('FaceIdBadResponseError takes its retryable from the table: a 302 on a read is retried, on a start not', () => {
    expect(new FaceIdBadResponseError('GetFaceIdResultIntl', 302, 'HTTP 302').retryable).toBe(true);
    expect(new FaceIdBadResponseError('GetFaceIdResultIntl', 200, 'the body is not JSON').retryable).toBe(true);
    expect(new FaceIdBadResponseError('GetFaceIdTokenIntl', 302, 'HTTP 302').retryable).toBe(false);
  });
});
