/** `createSimulator` uses Web APIs only: the whole flow runs inside Chromium, with Web Crypto signatures. */
import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { v1StringToSign } from './auth-v1.js';
import { callSimulator } from './sign-request.js';
import { DEMO_CREDENTIALS } from './types.js';

describe('createSimulator in a browser', () => {
  it('verifies signatures, serves the page and records the outcome', async () => {
    const app = createSimulator({ publicUrl: 'http://sim.example.test', testControls: true });
    const apply = await callSimulator(app, 'ApplyWebVerificationBizTokenIntl', {
      RedirectURL: 'https://app.example.com/r',
    });
    const token = String(apply.Response.BizToken);
    expect(apply.Response.VerificationURL).toBe(`http://sim.example.test/verify?token=${token}`);
    const page = await app.request(`/verify?token=${token}`);
    expect(await page.text()).toContain('<title>FaceID Simulator</title>');
    const done = await app.request('/verify', {
      method: 'POST',
      body: new URLSearchParams({ token, outcome: 'pass' }),
    });
    expect(done.headers.get('location')).toBe(`https://app.example.com/r?token=${token}`);
    const result = await callSimulator(app, 'GetWebVerificationResultIntl', { BizToken: token });
    expect(result.Response.ErrorCode).toBe(0);
    const wrong = { ...DEMO_CREDENTIALS, secretKey: 'EXAMPLEwrong' };
    const refused = await callSimulator(
      app,
      'GetWebVerificationResultIntl',
      { BizToken: token },
      { credential: wrong },
    );
    expect(refused.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('verifies a v1 (HmacSHA256, form body) signature with Web Crypto', async () => {
    const app = createSimulator({ publicUrl: 'http://sim.example.test' });
    const form = new URLSearchParams({
      Action: 'GetFaceIdTokenIntl',
      Version: '2018-03-01',
      Region: 'ap-singapore',
      Timestamp: String(Math.round(Date.now() / 1000)),
      Nonce: '4242',
      SecretId: DEMO_CREDENTIALS.secretId,
      SignatureMethod: 'HmacSHA256',
      RetryLimit: '2',
    });
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey(
      'raw',
      encoder.encode(DEMO_CREDENTIALS.secretKey),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const toSign = v1StringToSign('POST', 'faceid.intl.tencentcloudapi.com', '/', form);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(toSign)));
    form.set('Signature', btoa(String.fromCharCode(...mac)));
    const response = await app.request('http://faceid.intl.tencentcloudapi.com/', { method: 'POST', body: form });
    const reply = (await response.json()) as { Response: { SdkToken?: string } };
    expect(reply.Response.SdkToken).toMatch(/\S/);
  });
});
