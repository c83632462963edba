import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { callSimulator } from './sign-request.js';
import { FACE_BASE64, VIDEO_BASE64 } from './media.js';
import { PAGE_OUTCOMES } from './types.js';

const START = Date.UTC(2026, 10, 21, 12, 0, 0);
const PUBLIC_URL = 'http://127.0.0.1:8788';

function setup(options: { bizTokenTtlMs?: number; resultTtlMs?: number } = {}) {
  let now = START;
  const app = createSimulator({ publicUrl: PUBLIC_URL, now: () => now, testControls: true, ...options });
  const call = (action: string, params: object, region: string | null = 'ap-singapore') =>
    callSimulator(app, action, params, { timestamp: Math.floor(now / 1000), region });
  const apply = async (params: object = {}) => {
    const reply = await call('ApplyWebVerificationBizTokenIntl', {
      RedirectURL: 'https://app.example.com/kyc/return',
      ...params,
    });
    expect(reply.Response.Error).toBeUndefined();
    return reply.Response as unknown as { BizToken: string; VerificationURL: string; VerificationUrl: string };
  };
  const result = (token: string) => call('GetWebVerificationResultIntl', { BizToken: token });
  const choose = (token: string, outcome: string) =>
    app.request('/verify', { method: 'POST', body: new URLSearchParams({ token, outcome }) });
  return { app, call, apply, result, choose, advance: (ms: number) => (now += ms) };
}

describe('ApplyWebVerificationBizTokenIntl', () => {
  it('returns a BizToken and the VerificationURL in both casings', async () => {
    const { apply } = setup();
    const reply = await apply({
      Extra: 'session-7f3a',
      Config: { CheckMode: 2, Language: 'th', ThemeColor: '#112233' },
    });
    expect(reply.BizToken).toMatch(/^[0-9A-F-]{36}$/);
    expect(reply.VerificationURL).toBe(`${PUBLIC_URL}/verify?token=${reply.BizToken}`);
    expect(reply.VerificationUrl).toBe(reply.VerificationURL);
  });

  it('rejects missing, ill-typed and invalid parameters with Tencent codes', async () => {
    const { call } = setup();
    const codeOf = async (params: object) =>
      (await call('ApplyWebVerificationBizTokenIntl', params)).Response.Error?.Code;
    expect(await codeOf({})).toBe('MissingParameter');
    expect(await codeOf({ RedirectURL: 42 })).toBe('InvalidParameter');
    expect(await codeOf({ RedirectURL: 'not a url' })).toBe('InvalidParameterValue');
    expect(await codeOf({ RedirectURL: 'javascript:alert(1)' })).toBe('InvalidParameterValue');
    expect(await codeOf({ RedirectURL: 'https://a.example/', Config: { CheckMode: 9 } })).toBe('InvalidParameterValue');
    expect(await codeOf({ RedirectURL: 'https://a.example/', Config: { Language: 'fr' } })).toBe(
      'InvalidParameterValue',
    );
    expect(await codeOf({ RedirectURL: 'https://a.example/', Extra: 'x'.repeat(1001) })).toBe('InvalidParameterValue');
  });

  it('accepts the five regions of the 2025-12 page and no others', async () => {
    const { call } = setup();
    for (const region of ['ap-bangkok', 'ap-hongkong', 'ap-jakarta', 'ap-singapore', 'sa-saopaulo']) {
      const reply = await call('ApplyWebVerificationBizTokenIntl', { RedirectURL: 'https://a.example/' }, region);
      expect(reply.Response.Error).toBeUndefined();
    }
    const wrong = await call('ApplyWebVerificationBizTokenIntl', { RedirectURL: 'https://a.example/' }, 'ap-guangzhou');
    expect(wrong.Response.Error?.Code).toBe('InvalidParameterValue');
    const none = await call('ApplyWebVerificationBizTokenIntl', { RedirectURL: 'https://a.example/' }, null);
    expect(none.Response.Error?.Code).toBe('MissingParameter');
  });
});

describe('GetWebVerificationResultIntl', () => {
  it('has no verdict and no attempts before the user finishes', async () => {
    const { apply, result } = setup();
    const { BizToken } = await apply({ Extra: 'order-1' });
    const reply = await result(BizToken);
    expect(reply.Response).toMatchObject({
      ErrorCode: null,
      ErrorMsg: null,
      VerificationDetailList: [],
      Extra: 'order-1',
    });
    expect(reply.Response.VideoBase64).toBeNull();
  });

  it('returns each hosted-page outcome with its attempts and media', async () => {
    const expected = { pass: 0, 'fail-liveness': 1005, 'fail-compare': 2016, timeout: 1409, quit: 1410 };
    for (const { outcome } of PAGE_OUTCOMES) {
      const { apply, result, choose } = setup();
      const { BizToken } = await apply();
      expect((await choose(BizToken, outcome)).status).toBe(303);
      const reply = (await result(BizToken)).Response;
      expect(reply.ErrorCode).toBe(expected[outcome]);
      const attempts = reply.VerificationDetailList as {
        ErrorCode: number;
        Similarity: number | null;
        ReqTimestamp: number;
      }[];
      if (outcome === 'timeout' || outcome === 'quit') {
        expect(attempts).toEqual([]);
        continue;
      }
      expect(attempts.at(-1)?.ErrorCode).toBe(expected[outcome]);
      expect(attempts.at(-1)?.ReqTimestamp).toBe(START);
      expect(reply.VideoBase64).toBe(VIDEO_BASE64);
      expect(reply.BestFrameBase64).toBe(FACE_BASE64);
    }
  });

  it('reports a pass with a failed first attempt and a similarity of at least 90', async () => {
    const { apply, result, choose } = setup();
    const { BizToken } = await apply();
    await choose(BizToken, 'pass');
    const attempts = (await result(BizToken)).Response.VerificationDetailList as Record<string, unknown>[];
    expect(attempts.map((a) => a.ErrorCode)).toEqual([1005, 0]);
    expect(attempts[1]?.Similarity).toBeGreaterThanOrEqual(90);
    expect(attempts[0]?.Seq).not.toBe(attempts[1]?.Seq);
  });

  it('adds OCRResult with a card image for CheckMode 1', async () => {
    const { apply, result, choose } = setup();
    const { BizToken } = await apply({ Config: { CheckMode: 1, IDCardType: 'HKIDCard' } });
    await choose(BizToken, 'pass');
    const [ocr] = (await result(BizToken)).Response.OCRResult as { IsPass: boolean; CardImageBase64: string }[];
    expect(ocr?.IsPass).toBe(true);
    expect(atob(ocr?.CardImageBase64 ?? '').startsWith('\xff\xd8\xff')).toBe(true);
  });

  it('expires an unfinished BizToken after 10 minutes and keeps results for 3 days', async () => {
    const { apply, result, choose, advance } = setup();
    const idle = await apply();
    const done = await apply();
    await choose(done.BizToken, 'pass');
    advance(10 * 60 * 1000 - 1);
    expect((await result(idle.BizToken)).Response.ErrorCode).toBeNull();
    advance(1);
    expect((await result(idle.BizToken)).Response.Error?.Code).toBe('InvalidParameterValue.BizTokenExpired');
    advance(3 * 24 * 3600 * 1000 - 10 * 60 * 1000 - 1);
    expect((await result(done.BizToken)).Response.ErrorCode).toBe(0);
    advance(1);
    expect((await result(done.BizToken)).Response.Error?.Code).toBe('InvalidParameterValue.BizTokenExpired');
  });

  it('honours configured lifetimes', async () => {
    const { apply, result, advance } = setup({ bizTokenTtlMs: 1000 });
    const { BizToken } = await apply();
    advance(1000);
    expect((await result(BizToken)).Response.Error?.Code).toBe('InvalidParameterValue.BizTokenExpired');
  });

  it('answers BizTokenIllegal for an unknown token or one from another region', async () => {
    const { apply, call } = setup();
    const unknown = await call('GetWebVerificationResultIntl', { BizToken: 'E0000000-0000-0000-0000-000000000000' });
    expect(unknown.Response.Error?.Code).toBe('InvalidParameterValue.BizTokenIllegal');
    const { BizToken } = await apply();
    const elsewhere = await call('GetWebVerificationResultIntl', { BizToken }, 'ap-jakarta');
    expect(elsewhere.Response.Error?.Code).toBe('InvalidParameterValue.BizTokenIllegal');
    const missing = await call('GetWebVerificationResultIntl', {});
    expect(missing.Response.Error?.Code).toBe('MissingParameter');
  });
});
