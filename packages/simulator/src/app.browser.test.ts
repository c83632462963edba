/** `createSimulator` uses Web APIs only: the whole flow runs inside Chromium, with Web Crypto signatures. */
import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
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
});
