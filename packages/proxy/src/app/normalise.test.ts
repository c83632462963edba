import { describe, expect, it } from 'vitest';
import { expiredWebResult, normaliseWebResult, webStatus } from './normalise.js';

const attempt = (code: number, similarity: number | null, ms: number) => ({
  ErrorCode: code,
  ErrorMsg: 'text',
  LivenessErrorCode: code === 1005 ? 1005 : 0,
  CompareErrorCode: code === 2015 ? 2015 : 0,
  Similarity: similarity,
  ReqTimestamp: ms,
  Seq: 'seq',
});

// faceid-api.md §6.2, abbreviated: attempt 1 failed liveness, attempt 2 passed.
const PASSED = {
  ErrorCode: 0,
  ErrorMsg: 'Success',
  VerificationDetailList: [attempt(1005, null, 1718000012345), attempt(0, 96.12, 1718000045678)],
  VideoBase64: 'AAAAHGZ0eXBtcDQy',
  BestFrameBase64: '/9j/4AAQSkZJRg',
  OCRResult: [{ IsPass: true, CardImageBase64: '/9j/4AAQ', CardInfo: { HKIDCard: { EnName: 'CHAN' } } }],
  Extra: 'session-7f3a',
  RequestId: 'a6e62364-60d4-4eb6-8908-da3ff3d601f8',
};

describe('webStatus', () => {
  it.each([
    [0, 'passed'],
    [null, 'incomplete'],
    [17, 'incomplete'],
    [1409, 'incomplete'],
    [1410, 'incomplete'],
    [15, 'expired'],
    [1005, 'failed'],
    [2015, 'failed'],
    [16, 'failed'],
    [4, 'failed'],
  ] as const)('ErrorCode %s → %s', (code, status) => {
    expect(webStatus(code)).toBe(status);
  });
});

describe('normaliseWebResult', () => {
  it('maps the verdict, attempts (ms → ISO) and the deciding similarity, and strips media', () => {
    const result = normaliseWebResult(PASSED);
    expect(result).toEqual({
      status: 'passed',
      errorCode: 0,
      errorMessage: 'Success',
      similarity: 96.12,
      attempts: [
        {
          errorCode: 1005,
          livenessErrorCode: 1005,
          compareErrorCode: 0,
          similarity: null,
          at: '2024-06-10T06:13:32.345Z',
        },
        { errorCode: 0, livenessErrorCode: 0, compareErrorCode: 0, similarity: 96.12, at: '2024-06-10T06:14:05.678Z' },
      ],
      extra: 'session-7f3a',
      requestId: PASSED.RequestId,
    });
  });

  it('takes the similarity of the attempt that decided, not the best one', () => {
    const failed = { ...PASSED, ErrorCode: 2015, VerificationDetailList: [attempt(0, 99, 1), attempt(2015, 41.5, 2)] };
    expect(normaliseWebResult(failed)).toMatchObject({ status: 'failed', similarity: 41.5 });
  });

  it('has no similarity and no verdict while FaceID has none', () => {
    const pending = { ErrorCode: null, ErrorMsg: null, VerificationDetailList: null, RequestId: 'r' };
    expect(normaliseWebResult(pending)).toMatchObject({
      status: 'incomplete',
      errorCode: null,
      similarity: null,
      attempts: [],
    });
  });

  it('turns on each medium separately; document images stay out unless cardImages', () => {
    const withOcr = normaliseWebResult(PASSED, { ocr: true });
    expect(withOcr.ocr).toEqual([{ IsPass: true, CardInfo: { HKIDCard: { EnName: 'CHAN' } } }]);
    expect(withOcr.videoBase64).toBeUndefined();
    expect(normaliseWebResult(PASSED, { ocr: true, cardImages: true }).ocr?.[0]).toHaveProperty('CardImageBase64');
    expect(normaliseWebResult(PASSED, { video: true })).toMatchObject({ videoBase64: PASSED.VideoBase64 });
    expect(normaliseWebResult(PASSED, { bestFrame: true })).toMatchObject({ bestFrameBase64: PASSED.BestFrameBase64 });
    const legacy = {
      ErrorCode: 0,
      VideoUrl: 'https://cos/v.mp4',
      VideoBestFrameUrl: 'https://cos/f.jpg',
      RequestId: 'r',
    };
    expect(normaliseWebResult(legacy, { video: true, bestFrame: true })).toMatchObject({
      videoUrl: 'https://cos/v.mp4',
      bestFrameUrl: 'https://cos/f.jpg',
    });
  });

  it('never throws on wrongly typed fields', () => {
    const odd = { ErrorCode: '0', ErrorMsg: 5, VerificationDetailList: [null, 'x', { ReqTimestamp: 1e20 }], Extra: {} };
    expect(normaliseWebResult(odd)).toMatchObject({
      status: 'incomplete',
      errorCode: null,
      errorMessage: null,
      extra: null,
      requestId: '',
      attempts: [{ at: null, errorCode: null, livenessErrorCode: null, compareErrorCode: null, similarity: null }],
    });
  });

  it('describes an expired BizToken', () => {
    expect(expiredWebResult('r', 'BizToken expired')).toMatchObject({ status: 'expired', requestId: 'r' });
  });
});
