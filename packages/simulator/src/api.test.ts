import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { FACE_BASE64 } from './media.js';
import { callSimulator, signedApiRequest } from './sign-request.js';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

function setup() {
  let now = NOW;
  const app = createSimulator({ publicUrl: 'http://127.0.0.1:8788', now: () => now, testControls: true });
  const call = (
    action: string,
    params: object,
    options: { region?: string | null; version?: string; body?: string } = {},
  ) => callSimulator(app, action, params, { timestamp: Math.floor(now / 1000), ...options });
  const codeOf = async (action: string, params: object, options?: Parameters<typeof call>[2]) =>
    (await call(action, params, options)).Response.Error?.Code;
  const finish = (token: unknown, outcome: string) =>
    app.request('/__simulator/outcomes', { method: 'POST', body: JSON.stringify({ token, outcome }) });
  return { app, call, codeOf, finish, advance: (ms: number) => (now += ms) };
}

describe('POST / envelope checks', () => {
  it('answers InvalidAction, NoSuchVersion and body errors with HTTP 200 and Response.Error', async () => {
    const { codeOf } = setup();
    expect(await codeOf('DescribeInstances', {})).toBe('InvalidAction');
    expect(await codeOf('DetectAuth', {})).toBe('InvalidAction');
    expect(await codeOf('GetFaceIdTokenIntl', {}, { version: '2017-03-12' })).toBe('NoSuchVersion');
    expect(await codeOf('GetFaceIdTokenIntl', {}, { body: '{"CheckMode":' })).toBe('InvalidParameter');
    expect(await codeOf('GetFaceIdTokenIntl', {}, { body: '[1]' })).toBe('InvalidParameter');
    expect(await codeOf('GetFaceIdTokenIntl', {}, { body: '' })).toBeUndefined();
  });

  it('answers RequestSizeLimitExceeded over 10 MB', async () => {
    const { codeOf } = setup();
    const image = 'A'.repeat(10 * 1024 * 1024);
    expect(await codeOf('GetFaceIdTokenIntl', { CheckMode: 'compare', Image: image })).toBe('RequestSizeLimitExceeded');
  });

  it('does not treat inherited object keys as actions', async () => {
    const { codeOf } = setup();
    expect(await codeOf('constructor', {})).toBe('InvalidAction');
    expect(await codeOf('__proto__', {})).toBe('InvalidAction');
  });

  it('serves the sample media it links to', async () => {
    const { app } = setup();
    const frame = await app.request('/media/best-frame.jpg');
    expect(frame.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await frame.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect((await app.request('/media/secret.txt')).status).toBe(404);
  });

  it('answers GET / with 404, not an API envelope', async () => {
    const { app } = setup();
    expect((await app.request('/')).status).toBe(404);
    const signed = await signedApiRequest('GetFaceIdTokenIntl', {});
    expect((await app.request('/other', { method: 'POST', headers: signed.headers, body: '{}' })).status).toBe(404);
  });
});

describe('legacy web pair', () => {
  it('requires every ApplyWebVerificationToken parameter and a legacy region', async () => {
    const { codeOf } = setup();
    const full = {
      RedirectUrl: 'https://app.example.com/done',
      CompareImageUrl: 'https://b.cos.ap-singapore.myqcloud.com/p.jpg',
      CompareImageMd5: '0cc175b9c0f1b6a831c399e269772661',
    };
    expect(await codeOf('ApplyWebVerificationToken', { ...full, CompareImageMd5: undefined })).toBe('MissingParameter');
    expect(await codeOf('ApplyWebVerificationToken', { ...full, CompareImageMd5: 'abc' })).toBe(
      'InvalidParameterValue',
    );
    expect(
      await codeOf('ApplyWebVerificationToken', { ...full, RedirectURL: full.RedirectUrl, RedirectUrl: undefined }),
    ).toBe('MissingParameter');
    expect(await codeOf('ApplyWebVerificationToken', full, { region: 'ap-bangkok' })).toBe('InvalidParameterValue');
    expect(await codeOf('ApplyWebVerificationToken', full, { region: 'ap-jakarta' })).toBeUndefined();
  });

  it('keeps a legacy BizToken startable for 7,200 s and unreadable by the Intl action', async () => {
    const { call, advance } = setup();
    const apply = await call('ApplyWebVerificationToken', {
      RedirectUrl: 'https://app.example.com/done',
      CompareImageUrl: 'https://b.cos.ap-singapore.myqcloud.com/p.jpg',
      CompareImageMd5: '0cc175b9c0f1b6a831c399e269772661',
    });
    const BizToken = apply.Response.BizToken;
    expect((await call('GetWebVerificationResultIntl', { BizToken })).Response.Error?.Code).toBe(
      'InvalidParameterValue.BizTokenIllegal',
    );
    advance(7_199_999);
    expect((await call('GetWebVerificationResult', { BizToken })).Response).toMatchObject({
      ErrorCode: null,
      VideoUrl: null,
    });
    advance(1);
    expect((await call('GetWebVerificationResult', { BizToken })).Response.Error?.Code).toBe(
      'InvalidParameterValue.BizTokenExpired',
    );
  });
});

describe('App SDK actions', () => {
  it('requires Image for CheckMode compare and rejects one over 3 MB', async () => {
    const { codeOf } = setup();
    expect(await codeOf('GetFaceIdTokenIntl', { CheckMode: 'compare' })).toBe('MissingParameter');
    expect(await codeOf('GetFaceIdTokenIntl', { CheckMode: 'compare', Image: 'A'.repeat(3 * 1024 * 1024 + 4) })).toBe(
      'FailedOperation.ImageSizeTooLarge',
    );
    expect(await codeOf('GetFaceIdTokenIntl', { SecureLevel: 4 })).toBe('InvalidParameter');
    expect(await codeOf('GetFaceIdTokenIntl', { SecureLevel: '9' })).toBe('InvalidParameterValue');
    expect(await codeOf('GetFaceIdTokenIntl', { RetryLimit: 6 })).toBe('InvalidParameterValue');
  });

  it('maps outcomes to string Result codes, -999 while unfinished', async () => {
    const expected = {
      pass: '0',
      'fail-liveness': '1005',
      'fail-compare': '2016',
      timeout: '-999',
      quit: '-999',
      abandon: '-999',
    };
    for (const [outcome, result] of Object.entries(expected)) {
      const { call, finish } = setup();
      const { SdkToken } = (await call('GetFaceIdTokenIntl', {})).Response;
      await finish(SdkToken, outcome);
      const reply = (await call('GetFaceIdResultIntl', { SdkToken })).Response;
      expect(reply.Result).toBe(result);
      expect(typeof reply.Description).toBe('string');
      const sdk = (await call('GetSdkVerificationResult', { SdkToken })).Response;
      expect(sdk.Result).toBe(result);
    }
  });

  it('expires an SdkToken that was never finished after 10 minutes', async () => {
    const { call, advance } = setup();
    const { SdkToken } = (await call('GetFaceIdTokenIntl', {})).Response;
    advance(10 * 60 * 1000);
    expect((await call('GetFaceIdResultIntl', { SdkToken })).Response.Error?.Code).toBe(
      'InvalidParameterValue.BizTokenExpired',
    );
  });

  it('does not accept a BizToken as an SdkToken', async () => {
    const { call } = setup();
    const { BizToken } = (await call('ApplyWebVerificationBizTokenIntl', { RedirectURL: 'https://a.example/' }))
      .Response;
    expect((await call('GetFaceIdResultIntl', { SdkToken: BizToken })).Response.Error?.Code).toBe(
      'InvalidParameterValue.BizTokenIllegal',
    );
  });
});

describe('ImageRecognitionV2', () => {
  const request = { IdCard: '11204416541220243X', ImageBase64: FACE_BASE64 };

  it('decides the outcome from Name and ignores the region', async () => {
    const { call } = setup();
    expect(
      (await call('ImageRecognitionV2', { ...request, Name: 'Wei Xiaobao' }, { region: null })).Response,
    ).toMatchObject({ Result: 'Success', Sim: 89.88 });
    expect(
      (await call('ImageRecognitionV2', { ...request, Name: 'LowSim' }, { region: 'null' })).Response,
    ).toMatchObject({
      Result: 'FailedOperation.CompareLowSimilarity',
      Sim: 26.04,
    });
    for (const [name, code] of [
      ['Mismatch', 'FailedOperation.IdNameMisMatch'],
      ['NoFace', 'FailedOperation.LifePhotoDetectNoFaces'],
      ['Fake', 'FailedOperation.LifePhotoDetectFake'],
      ['Busy', 'FailedOperation.CompareLibServiceUnavailable'],
    ]) {
      expect((await call('ImageRecognitionV2', { ...request, Name: `Wei ${name}` })).Response.Error?.Code).toBe(code);
    }
  });

  it('validates IdCard, ImageBase64 and Extra', async () => {
    const { codeOf } = setup();
    expect(await codeOf('ImageRecognitionV2', { ...request, Name: 'A', IdCard: '1' })).toBe(
      'FailedOperation.IdFormatError',
    );
    expect(await codeOf('ImageRecognitionV2', { ...request, Name: 'A', ImageBase64: 'not base64!' })).toBe(
      'InvalidParameterValue',
    );
    expect(await codeOf('ImageRecognitionV2', { ...request })).toBe('MissingParameter');
    expect(await codeOf('ImageRecognitionV2', { ...request, Name: 'A', Extra: 'x'.repeat(11) })).toBe(
      'InvalidParameterValue',
    );
  });
});
