import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { callSimulator } from './sign-request.js';
import { DEMO_CREDENTIALS } from './types.js';

const START = Date.UTC(2026, 10, 21, 12, 0, 0);

function setup(testControls = true) {
  const app = createSimulator({ publicUrl: 'http://127.0.0.1:8788', now: () => START, testControls });
  const control = (path: string, body?: object) =>
    app.request(`/__simulator${path}`, body ? { method: 'POST', body: JSON.stringify(body) } : {});
  return { app, control };
}

describe('test controls', () => {
  it('are 404 unless enabled', async () => {
    const { control } = setup(false);
    for (const path of ['/calls', '/outcomes', '/faults', '/clock', '/reset']) {
      expect((await control(path, {})).status).toBe(404);
    }
    expect((await control('/calls')).status).toBe(404);
  });

  it('preset outcomes, including abandon, for BizTokens', async () => {
    const { app, control } = setup();
    const apply = await callSimulator(
      app,
      'ApplyWebVerificationBizTokenIntl',
      { RedirectURL: 'https://a.example/' },
      { timestamp: START / 1000 },
    );
    const token = apply.Response.BizToken as string;
    const result = async () =>
      (await callSimulator(app, 'GetWebVerificationResultIntl', { BizToken: token }, { timestamp: START / 1000 }))
        .Response;
    expect((await control('/outcomes', { token, outcome: 'abandon' })).status).toBe(200);
    expect(await result()).toMatchObject({ ErrorCode: null, VerificationDetailList: [] });
    expect((await control('/outcomes', { token, outcome: 'fail-liveness' })).status).toBe(200);
    expect((await result()).ErrorCode).toBe(1005);
    expect((await control('/outcomes', { token: 'nope', outcome: 'pass' })).status).toBe(404);
    expect((await control('/outcomes', { token, outcome: 'maybe' })).status).toBe(400);
  });

  it('list calls with action, region, time and signature validity', async () => {
    const { app, control } = setup();
    await callSimulator(app, 'GetWebVerificationResultIntl', { BizToken: 'x' }, { timestamp: START / 1000 });
    const wrongKey = { ...DEMO_CREDENTIALS, secretKey: 'EXAMPLEwrong' };
    await callSimulator(
      app,
      'GetWebVerificationResultIntl',
      { BizToken: 'x' },
      { timestamp: START / 1000, credential: wrongKey, region: 'ap-jakarta' },
    );
    const { calls } = (await (await control('/calls')).json()) as { calls: unknown[] };
    expect(calls).toEqual([
      { action: 'GetWebVerificationResultIntl', region: 'ap-singapore', at: START, signatureValid: true },
      { action: 'GetWebVerificationResultIntl', region: 'ap-jakarta', at: START, signatureValid: false },
    ]);
    await control('/reset', {});
    expect(await (await control('/calls')).json()).toEqual({ calls: [] });
  });

  it('move the clock so signatures made with the real time expire', async () => {
    const { app, control } = setup();
    const ok = await callSimulator(app, 'GetWebVerificationResultIntl', { BizToken: 'x' }, { timestamp: START / 1000 });
    expect(ok.Response.Error?.Code).toBe('InvalidParameterValue.BizTokenIllegal');
    expect(await (await control('/clock', { advanceMs: 301_000 })).json()).toEqual({ now: START + 301_000 });
    const late = await callSimulator(
      app,
      'GetWebVerificationResultIntl',
      { BizToken: 'x' },
      { timestamp: START / 1000 },
    );
    expect(late.Response.Error?.Code).toBe('AuthFailure.SignatureExpire');
    expect((await control('/clock', { advanceMs: 'soon' })).status).toBe(400);
    await control('/reset', {});
    const again = await callSimulator(
      app,
      'GetWebVerificationResultIntl',
      { BizToken: 'x' },
      { timestamp: START / 1000 },
    );
    expect(again.Response.Error?.Code).toBe('InvalidParameterValue.BizTokenIllegal');
  });
});
