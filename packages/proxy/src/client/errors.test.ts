import { describe, expect, it } from 'vitest';
import {
  FaceIdApiError,
  FaceIdBadResponseError,
  FaceIdError,
  FaceIdNetworkError,
  FaceIdTimeoutError,
  isRetryableCode,
} from './errors.js';

describe('isRetryableCode (faceid-api.md §5.2)', () => {
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

  it('FaceIdNetworkError for a redirect refused by fetch is not retryable', () => {
    const cause = new TypeError('fetch failed', { cause: new Error('unexpected redirect') });

    expect(new FaceIdNetworkError('GetFaceIdResultIntl', cause).retryable).toBe(false);
  });
});
