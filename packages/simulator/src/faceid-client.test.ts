/** The project's own `createFaceIdClient` (@faceid-verify/proxy) completes every action against the simulator. */
import { createFaceIdClient, FaceIdApiError, FaceIdBadResponseError, type FaceIdClient } from '@faceid-verify/proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_BASE64 } from './media.js';
import { serveSimulator, type RunningSimulator } from './node.js';
import { DEMO_CREDENTIALS } from './types.js';

let simulator: RunningSimulator;
let client: FaceIdClient;

beforeAll(async () => {
  simulator = await serveSimulator({ testControls: true });
  client = createFaceIdClient({
    credentials: DEMO_CREDENTIALS,
    region: 'ap-singapore',
    endpoint: simulator.url,
    retries: 0,
  });
});

afterAll(async () => simulator.close());

async function control(path: string, body: object): Promise<void> {
  const response = await fetch(`${simulator.url}/__simulator${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

describe('createFaceIdClient against the simulator', () => {
  it('runs the web pair', async () => {
    const apply = await client.applyWebVerificationBizTokenIntl({
      RedirectURL: 'https://app.example.com/r',
      Extra: 'e-1',
    });
    expect(apply.VerificationURL).toBe(`${simulator.url}/verify?token=${apply.BizToken}`);
    await control('/outcomes', { token: apply.BizToken, outcome: 'fail-compare' });
    const result = await client.getWebVerificationResultIntl({ BizToken: apply.BizToken });
    expect(result).toMatchObject({ ErrorCode: 2016, Extra: 'e-1' });
    expect(result.RequestId).toBeTruthy();
  });

  it('runs the legacy web pair', async () => {
    const apply = await client.applyWebVerificationToken({
      RedirectUrl: 'https://app.example.com/r',
      CompareImageUrl: 'https://b.cos.ap-singapore.myqcloud.com/p.jpg',
      CompareImageMd5: '0cc175b9c0f1b6a831c399e269772661',
    });
    await control('/outcomes', { token: apply.BizToken, outcome: 'pass' });
    expect(await client.getWebVerificationResult({ BizToken: apply.BizToken })).toMatchObject({ ErrorCode: 0 });
  });

  it('runs the App SDK actions', async () => {
    const { SdkToken } = await client.getFaceIdTokenIntl({ CheckMode: 'liveness' });
    expect((await client.getFaceIdResultIntl({ SdkToken })).Result).toBe('-999');
    await control('/outcomes', { token: SdkToken, outcome: 'fail-liveness' });
    expect((await client.getFaceIdResultIntl({ SdkToken })).Result).toBe('1005');
    expect((await client.getSdkVerificationResult({ SdkToken })).Result).toBe('1005');
  });

  it('runs ImageRecognitionV2, with a failure as data and as an error', async () => {
    const request = { IdCard: '11204416541220243X', ImageBase64: FACE_BASE64 };
    expect(await client.imageRecognitionV2({ ...request, Name: 'Wei' })).toMatchObject({ Result: 'Success' });
    expect(await client.imageRecognitionV2({ ...request, Name: 'LowSim' })).toMatchObject({ Sim: 26.04 });
    await expect(client.imageRecognitionV2({ ...request, Name: 'NoFace' })).rejects.toBeInstanceOf(FaceIdApiError);
  });

  it('surfaces simulator faults as typed errors', async () => {
    await control('/faults', { action: 'GetFaceIdResultIntl', mode: 'internal-error', count: 1 });
    await expect(client.getFaceIdResultIntl({ SdkToken: 'x' })).rejects.toMatchObject({
      code: 'InternalError',
      retryable: true,
    });
    await control('/faults', { action: 'GetFaceIdResultIntl', mode: 'malformed-json', count: 1 });
    await expect(client.getFaceIdResultIntl({ SdkToken: 'x' })).rejects.toBeInstanceOf(FaceIdBadResponseError);
  });

  it('is refused with a wrong key', async () => {
    const wrong = createFaceIdClient({
      credentials: { ...DEMO_CREDENTIALS, secretKey: 'EXAMPLEwrong' },
      region: 'ap-singapore',
      endpoint: simulator.url,
    });
    await expect(wrong.getFaceIdTokenIntl({})).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure' });
  });
});
