import {
  buildAuthorization,
  buildCanonicalRequest,
  buildStringToSign,
  credentialScope,
  deriveSigningKey,
  toHex,
  utcDate,
  utf8,
  webTc3Crypto,
} from '@faceid-verify/proxy/signing';
import { nodeTc3Crypto } from '@faceid-verify/proxy/node';
import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { signedApiRequest } from './sign-request.js';
import { DEMO_CREDENTIALS } from './types.js';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const TIMESTAMP = NOW / 1000;
const TEMP = { secretId: 'AKIDEXAMPLEtemporary0001', secretKey: 'EXAMPLEtemporaryKey0001', sessionToken: 'EXAMPLEsts' };

function simulator() {
  return createSimulator({ publicUrl: 'http://127.0.0.1:8788', now: () => NOW, credentials: [DEMO_CREDENTIALS, TEMP] });
}

async function call(request: Request, app = simulator()) {
  const response = await app.fetch(request);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    Response: Record<string, unknown> & { Error?: { Code: string; Message: string } };
  };
}

const apply = { RedirectURL: 'https://app.example.com/kyc/return' };

async function errorCodeOf(request: Request): Promise<string | undefined> {
  return (await call(request)).Response.Error?.Code;
}

/** A request signed by hand over `body` bytes, also covering `extraSigned` headers (sent as given). */
async function signRaw(body: Uint8Array<ArrayBuffer>, extraSigned: Record<string, string> = {}): Promise<Request> {
  const date = utcDate(TIMESTAMP);
  const headers = { 'content-type': 'application/json', host: 'faceid.intl.tencentcloudapi.com', ...extraSigned };
  const canonical = buildCanonicalRequest({
    headers,
    hashedPayload: toHex(await crypto.subtle.digest('SHA-256', body)),
  });
  const scope = credentialScope(date, 'faceid');
  const stringToSign = buildStringToSign(TIMESTAMP, scope, await webTc3Crypto.sha256Hex(canonical));
  const key = await deriveSigningKey(webTc3Crypto, DEMO_CREDENTIALS.secretKey, date, 'faceid');
  const signature = await webTc3Crypto.hmacSha256Hex(key, stringToSign);
  const request = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP });
  const sent = new Headers(request.headers);
  for (const [name, value] of Object.entries(extraSigned)) sent.set(name, value);
  const names = Object.keys(headers).sort().join(';');
  sent.set('authorization', buildAuthorization(DEMO_CREDENTIALS.secretId, scope, names, signature));
  return new Request(request.url, { method: 'POST', headers: sent, body });
}

describe('TC3-HMAC-SHA256 verification', () => {
  it('accepts a correctly signed call and answers with a fresh RequestId', async () => {
    const app = simulator();
    const first = await call(
      await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP }),
      app,
    );
    const second = await call(
      await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP }),
      app,
    );
    expect(first.Response.Error).toBeUndefined();
    expect(first.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.Response.RequestId).not.toBe(second.Response.RequestId);
  });

  it('signs the Host header hostname without its port', async () => {
    const request = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, {
      timestamp: TIMESTAMP,
      url: 'http://127.0.0.1:8788/',
    });
    request.headers.set('host', 'faceid.intl.tencentcloudapi.com:8788');
    expect(await errorCodeOf(request)).toBeUndefined();
  });

  it('rejects a wrong key, an unknown SecretId and a missing Authorization', async () => {
    const wrongKey = { ...DEMO_CREDENTIALS, secretKey: 'EXAMPLEwrongKey' };
    expect(
      await errorCodeOf(
        await signedApiRequest(
          'GetWebVerificationResultIntl',
          { BizToken: 'x' },
          { credential: wrongKey, timestamp: TIMESTAMP },
        ),
      ),
    ).toBe('AuthFailure.SignatureFailure');
    const unknown = { secretId: 'AKIDEXAMPLEunknown', secretKey: 'EXAMPLEkey' };
    expect(
      await errorCodeOf(
        await signedApiRequest(
          'GetWebVerificationResultIntl',
          { BizToken: 'x' },
          { credential: unknown, timestamp: TIMESTAMP },
        ),
      ),
    ).toBe('AuthFailure.SecretIdNotFound');
    const unsigned = await signedApiRequest(
      'GetWebVerificationResultIntl',
      { BizToken: 'x' },
      { timestamp: TIMESTAMP },
    );
    unsigned.headers.delete('authorization');
    expect(await errorCodeOf(unsigned)).toBe('AuthFailure.SignatureFailure');
  });

  it('rejects a malformed Authorization and a SignedHeaders list without host', async () => {
    const noHost = await signedApiRequest('GetWebVerificationResultIntl', { BizToken: 'x' }, { timestamp: TIMESTAMP });
    const authorization = noHost.headers.get('authorization') ?? '';
    noHost.headers.set(
      'authorization',
      authorization.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type'),
    );
    expect(await errorCodeOf(noHost)).toBe('AuthFailure.InvalidAuthorization');
    const otherScheme = await signedApiRequest(
      'GetWebVerificationResultIntl',
      { BizToken: 'x' },
      { timestamp: TIMESTAMP },
    );
    otherScheme.headers.set('authorization', 'HMAC-SHA1 whatever');
    expect(await errorCodeOf(otherScheme)).toBe('AuthFailure.InvalidAuthorization');
  });

  it('rejects a body, host or timestamp that differs from what was signed', async () => {
    const tampered = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, {
      timestamp: TIMESTAMP,
      body: JSON.stringify(apply),
    });
    const forged = new Request(tampered.url, {
      method: 'POST',
      headers: tampered.headers,
      body: JSON.stringify({ RedirectURL: 'https://evil.example.com/' }),
    });
    expect(await errorCodeOf(forged)).toBe('AuthFailure.SignatureFailure');
    const otherHost = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP });
    otherHost.headers.set('host', 'faceid.tencentcloudapi.com');
    expect(await errorCodeOf(otherHost)).toBe('AuthFailure.SignatureFailure');
    const shifted = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP });
    shifted.headers.set('x-tc-timestamp', String(TIMESTAMP + 1));
    expect(await errorCodeOf(shifted)).toBe('AuthFailure.SignatureFailure');
  });

  it('allows 300 s of clock skew and no more', async () => {
    for (const skew of [-300, 300]) {
      expect(
        await errorCodeOf(
          await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP + skew }),
        ),
      ).toBeUndefined();
    }
    for (const skew of [-301, 301]) {
      expect(
        await errorCodeOf(
          await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, { timestamp: TIMESTAMP + skew }),
        ),
      ).toBe('AuthFailure.SignatureExpire');
    }
  });

  it('accepts extra sorted signed headers and checks their values', async () => {
    const body = utf8(JSON.stringify(apply));
    const action = { 'x-tc-action': 'ApplyWebVerificationBizTokenIntl' };
    expect(await errorCodeOf(await signRaw(body, action))).toBeUndefined();
    const changed = await signRaw(body, action);
    changed.headers.set('x-tc-action', 'applywebverificationbiztokenintl');
    expect(await errorCodeOf(changed)).toBe('AuthFailure.SignatureFailure');
  });

  for (const [name, crypto] of [
    ['Web Crypto', undefined],
    ['node:crypto', nodeTc3Crypto],
  ] as const) {
    it(`hashes the exact body bytes (${name}): BOM kept, invalid UTF-8 signed fine then rejected as a parameter`, async () => {
      const app = createSimulator({
        publicUrl: 'http://127.0.0.1:8788',
        now: () => NOW,
        ...(crypto ? { crypto } : {}),
      });
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JSON.stringify(apply))]);
      expect((await call(await signRaw(withBom), app)).Response.Error).toBeUndefined();
      const invalid = new Uint8Array([0x7b, 0xff, 0x7d]);
      expect((await call(await signRaw(invalid), app)).Response.Error?.Code).toBe('InvalidParameter');
    });
  }

  it('requires the X-TC-Token of temporary credentials', async () => {
    const signed = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, {
      credential: TEMP,
      timestamp: TIMESTAMP,
    });
    expect(await errorCodeOf(signed)).toBeUndefined();
    const withoutToken = await signedApiRequest('ApplyWebVerificationBizTokenIntl', apply, {
      credential: TEMP,
      timestamp: TIMESTAMP,
    });
    withoutToken.headers.delete('x-tc-token');
    expect(await errorCodeOf(withoutToken)).toBe('AuthFailure.TokenFailure');
  });
});
