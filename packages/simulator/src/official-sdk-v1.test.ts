/**
 * tencentcloud-sdk-nodejs-intl-en with its DEFAULT ClientProfile (legacy v1 signature `HmacSHA256`, form body)
 * and with `HmacSHA1`, against the simulator over loopback with the real host name kept (test/sdk-loopback.ts).
 * Authentication failures: official-sdk-auth.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, control, intlClient, startLoopbackSimulator, type LoopbackSimulator } from '../test/sdk-loopback.js';
import { FACE_BASE64 } from './media.js';

let simulator: LoopbackSimulator;

beforeAll(async () => {
  simulator = await startLoopbackSimulator();
});

afterAll(async () => {
  await simulator.close();
});

async function calls(): Promise<{ action: string; region: string | null; signatureValid: boolean }[]> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  return ((await response.json()) as { calls: [] }).calls;
}

describe.each([
  ['the default profile (HmacSHA256)', undefined],
  ['HmacSHA1', 'HmacSHA1'],
])('intl-en FaceidClient, v1 signature with %s', (_, signMethod) => {
  const call = intlClient(signMethod);

  it('completes the web flow with a nested Config, and the Config is honoured', async () => {
    const apply = await call('ApplyWebVerificationBizTokenIntl', {
      RedirectURL: 'https://app.example.com/kyc/return?step=2',
      Extra: 'order 42 & more',
      Config: { CheckMode: 1, Language: 'th', AutoSkipStartPage: true, ThemeColor: '#00AA88' },
    });
    const token = String(apply.BizToken);
    expect(apply.VerificationURL).toBe(`${simulator.url}/verify?token=${token}`);
    const page = await (await fetch(String(apply.VerificationURL))).text();
    expect(page).toContain('<html lang="th">');
    expect(page).toContain('#00aa88');
    expect(await choose(simulator.url, token, 'pass')).toBe(`https://app.example.com/kyc/return?step=2&token=${token}`);
    const result = await call('GetWebVerificationResultIntl', { BizToken: token });
    expect(result).toMatchObject({ ErrorCode: 0, Extra: 'order 42 & more' });
    // CheckMode 1 (OCR + liveness) arrived as the string "1" and was read as the integer.
    expect(result.OCRResult).toHaveLength(1);
    expect((await calls()).at(-1)).toMatchObject({
      action: 'GetWebVerificationResultIntl',
      region: 'ap-singapore',
      signatureValid: true,
    });
  });

  it('completes GetFaceIdTokenIntl and GetFaceIdResultIntl', async () => {
    const { SdkToken } = await call('GetFaceIdTokenIntl', { CheckMode: 'compare', Image: FACE_BASE64, RetryLimit: 3 });
    expect(await call('GetFaceIdResultIntl', { SdkToken })).toMatchObject({ Result: '-999' });
    await control(simulator.url, '/outcomes', { token: SdkToken, outcome: 'pass' });
    expect(await call('GetFaceIdResultIntl', { SdkToken })).toMatchObject({ Result: '0', BestFrame: FACE_BASE64 });
  });

  it('reads form strings strictly: a non-numeric integer is InvalidParameter, "2" is out of range', async () => {
    const redirect = { RedirectURL: 'https://app.example.com/r' };
    await expect(
      call('ApplyWebVerificationBizTokenIntl', { ...redirect, Config: { CheckMode: '1x' } }),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
    await expect(
      call('ApplyWebVerificationBizTokenIntl', { ...redirect, Config: { AutoSkip: 'yes' } }),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
    await expect(
      call('ApplyWebVerificationBizTokenIntl', { ...redirect, Config: { SecurityLevel: 9 } }),
    ).rejects.toMatchObject({ code: 'InvalidParameterValue' });
  });
});

describe('the TC3 (JSON) path is not loosened', () => {
  it('still refuses a string where an integer belongs', async () => {
    const call = intlClient('TC3-HMAC-SHA256');
    await expect(
      call('ApplyWebVerificationBizTokenIntl', {
        RedirectURL: 'https://app.example.com/r',
        Config: { CheckMode: '1' },
      }),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
  });
});
