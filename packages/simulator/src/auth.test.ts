import {
  buildAuthorization,
  buildCanonicalRequest,
  buildStringToSign,
  credentialScope,
  deriveSigningKey,
  utcDate,
  webTc3Crypto,
} from '@faceid-verify/proxy/signing';
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

/** A request whose signature also covers `x-tc-action` (SignedHeaders=content-type;host;x-tc-action). */
async function signWithActionHeader(action: string): Promise<Request> {
  const body = JSON.stringify(apply);
  const date = utcDate(TIMESTAMP);
  const canonical = buildCanonicalRequest({
    headers: { 'content-type': 'application/json', host: 'faceid.intl.tencentcloudapi.com', 'x-tc-action': action },
    hashedPayload: await webTc3Crypto.sha256Hex(body),
  });
  const scope = credentialScope(date, 'faceid');
  const stringToSign = buildStringToSign(TIMESTAMP, scope, await webTc3Crypto.sha256Hex(canonical));
  const key = await deriveSigningKey(webTc3Crypto, DEMO_CREDENTIALS.secretKey, date, 'faceid');
  const signature = await webTc3Crypto.hmacSha256Hex(key, stringToSign);
  const request = await signedApiRequest(action, apply, { timestamp: TIMESTAMP, body });
  request.headers.set(
    'authorization',
    buildAuthorization(DEMO_CREDENTIALS.secretId, scope, 'content-type;host;x-tc-action', signature),
  );
  return request;
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
    expect(await errorCodeOf(await signWithActionHeader('ApplyWebVerificationBizTokenIntl'))).toBeUndefined();
    const changed = await signWithActionHeader('ApplyWebVerificationBizTokenIntl');
    changed.headers.set('x-tc-action', 'GetWebVerificationResultIntl');
    expect(await errorCodeOf(changed)).toBe('AuthFailure.SignatureFailure');
  });

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
