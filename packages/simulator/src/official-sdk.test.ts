/**
 * Tencent's own Node SDKs against the simulator over loopback, TC3-HMAC-SHA256 (the v1 signatures of the
 * intl-en SDK's default profile: official-sdk-v1.test.ts; authentication failures for every signature:
 * official-sdk-auth.test.ts). Routing: test/sdk-loopback.ts.
 */
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose as chooseOn,
  control as controlOn,
  intlClient,
  startLoopbackSimulator,
  type LoopbackSimulator,
} from '../test/sdk-loopback.js';
import { FACE_BASE64 } from './media.js';
import { DEMO_CREDENTIALS } from './types.js';

let simulator: LoopbackSimulator;

beforeAll(async () => {
  simulator = await startLoopbackSimulator();
});

afterAll(async () => {
  await simulator.close();
});

/** tencentcloud-sdk-nodejs-common's CommonClient on the mainland host (legacy actions, ImageRecognitionV2). */
function commonClient(region?: string) {
  return new CommonClient('faceid.tencentcloudapi.com', '2018-03-01', {
    credential: { secretId: DEMO_CREDENTIALS.secretId, secretKey: DEMO_CREDENTIALS.secretKey },
    ...(region ? { region } : {}),
    profile: { httpProfile: { protocol: 'http://', agent: simulator.agent(), reqTimeout: 10 } },
  });
}

const control = (path: string, body: object) => controlOn(simulator.url, path, body);
const choose = (token: string, outcome: string) => chooseOn(simulator.url, token, outcome);

describe('tencentcloud-sdk-nodejs-intl-en FaceidClient (TC3-HMAC-SHA256)', () => {
  const call = intlClient('TC3-HMAC-SHA256');

  it('completes the web flow: ApplyWebVerificationBizTokenIntl, hosted page, GetWebVerificationResultIntl', async () => {
    const apply = await call('ApplyWebVerificationBizTokenIntl', {
      RedirectURL: 'https://app.example.com/kyc/return',
      Extra: 'order-42',
      Config: { CheckMode: 1, IDCardType: 'HKIDCard', Language: 'en' },
    });
    const token = String(apply.BizToken);
    expect(apply.VerificationURL).toBe(`${simulator.url}/verify?token=${token}`);
    expect(apply.VerificationUrl).toBe(apply.VerificationURL);
    expect(await choose(token, 'pass')).toBe(`https://app.example.com/kyc/return?token=${token}`);
    const result = await call('GetWebVerificationResultIntl', { BizToken: token });
    expect(result).toMatchObject({ ErrorCode: 0, Extra: 'order-42' });
    expect((result.OCRResult as unknown[]).length).toBe(1);
  });

  it('completes GetFaceIdTokenIntl and GetFaceIdResultIntl, pending then finished', async () => {
    const { SdkToken } = await call('GetFaceIdTokenIntl', { CheckMode: 'compare', Image: FACE_BASE64, Extra: 'abc' });
    expect(await call('GetFaceIdResultIntl', { SdkToken })).toMatchObject({ Result: '-999' });
    await control('/outcomes', { token: SdkToken, outcome: 'pass' });
    const result = await call('GetFaceIdResultIntl', { SdkToken });
    expect(result).toMatchObject({ Result: '0', Description: 'Success', Extra: 'abc', BestFrame: FACE_BASE64 });
    expect(result.Similarity).toBeGreaterThanOrEqual(90);
  });

  it('completes ApplySdkVerificationToken and GetSdkVerificationResult', async () => {
    const { SdkToken } = await call('ApplySdkVerificationToken', { NeedVerifyIdCard: true, IdCardType: 'HKIDCard' });
    await control('/outcomes', { token: SdkToken, outcome: 'fail-compare' });
    const result = await call('GetSdkVerificationResult', { SdkToken });
    expect(result.Result).toBe('2016');
    expect(result.CompareResults).toHaveLength(1);
  });
});

describe('tencentcloud-sdk-nodejs-common CommonClient (mainland host)', () => {
  it('completes ApplyWebVerificationToken and GetWebVerificationResult', async () => {
    const client = commonClient('ap-singapore');
    const apply = await client.request('ApplyWebVerificationToken', {
      RedirectUrl: 'https://app.example.com/kyc/done?from=legacy',
      CompareImageUrl: 'https://example-1250000000.cos.ap-singapore.myqcloud.com/compare/photo.jpg',
      CompareImageMd5: '0cc175b9c0f1b6a831c399e269772661',
    });
    const token = String(apply.BizToken);
    expect(apply.VerificationUrl).toBe(`${simulator.url}/verify?token=${token}`);
    expect(await choose(token, 'fail-liveness')).toBe(`https://app.example.com/kyc/done?from=legacy&token=${token}`);
    const result = await client.request('GetWebVerificationResult', { BizToken: token });
    expect(result).toMatchObject({ ErrorCode: 1005, VideoUrl: `${simulator.url}/media/video.mp4` });
    const video = await fetch(String(result.VideoUrl));
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });

  it('completes ImageRecognitionV2 without a region', async () => {
    const client = commonClient();
    const request = { IdCard: '11204416541220243X', ImageBase64: FACE_BASE64 };
    expect(await client.request('ImageRecognitionV2', { ...request, Name: 'Wei Xiaobao' })).toMatchObject({
      Result: 'Success',
      Sim: 89.88,
    });
    expect(await client.request('ImageRecognitionV2', { ...request, Name: 'LowSim Wei' })).toMatchObject({
      Result: 'FailedOperation.CompareLowSimilarity',
    });
    await expect(client.request('ImageRecognitionV2', { ...request, Name: 'Mismatch Wei' })).rejects.toMatchObject({
      code: 'FailedOperation.IdNameMisMatch',
    });
  });

  it('gets SignatureFailure with a wrong key', async () => {
    const client = new CommonClient('faceid.tencentcloudapi.com', '2018-03-01', {
      credential: { secretId: DEMO_CREDENTIALS.secretId, secretKey: 'EXAMPLEwrong' },
      profile: { httpProfile: { protocol: 'http://', agent: simulator.agent() } },
    });
    await expect(client.request('ImageRecognitionV2', {})).rejects.toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
  });
});
