/**
 * The v1 signature check in process: forms signed by the intl-en SDK's own code (test/sdk-loopback.ts), sent to
 * `createSimulator` with the real host name as the request URL (no Host header, so the URL's hostname is signed).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { intlV1Form } from '../test/sdk-loopback.js';
import { createSimulator } from './app.js';
import { isV1Request, v1StringToSign } from './auth-v1.js';
import type { ApiReply } from './sign-request.js';

const HOST = 'faceid.intl.tencentcloudapi.com';
const app = createSimulator({ publicUrl: 'http://127.0.0.1:8788', testControls: true });

async function send(form: Record<string, string>, host = HOST): Promise<ApiReply['Response']> {
  const response = await app.request(`http://${host}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return ((await response.json()) as ApiReply).Response;
}

const code = async (form: Record<string, string>) => (await send(form)).Error?.Code;

describe('v1 signature (HmacSHA256 / HmacSHA1)', () => {
  const request = { RedirectURL: 'https://app.example.com/r', Config: { CheckMode: 2, Language: 'id' } };

  it('accepts the SDK-signed form and answers', async () => {
    const reply = await send(intlV1Form(undefined, 'ApplyWebVerificationBizTokenIntl', request));
    expect(reply.Error).toBeUndefined();
    expect(String(reply.VerificationURL)).toMatch(/^http:\/\/127\.0\.0\.1:8788\/verify\?token=/);
  });

  it('refuses a parameter changed after signing, and the signature of another host', async () => {
    const form = intlV1Form('HmacSHA1', 'ApplyWebVerificationBizTokenIntl', request);
    expect(await code({ ...form, 'Config.Language': 'th' })).toBe('AuthFailure.SignatureFailure');
    expect(await code({ ...form, Region: 'ap-bangkok' })).toBe('AuthFailure.SignatureFailure');
    expect((await send(form, 'faceid.tencentcloudapi.com')).Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('reads an absent SignatureMethod as HmacSHA1, as Tencent documents', async () => {
    const { SignatureMethod, Signature, ...unsigned } = intlV1Form('HmacSHA1', 'GetFaceIdTokenIntl', {});
    expect(SignatureMethod).toBe('HmacSHA1');
    expect(Signature).toBeTruthy();
    const toSign = v1StringToSign('POST', HOST, '/', new URLSearchParams(unsigned));
    const secretKey = 'EXAMPLEfaceidSimulatorDemoSecretKey000';
    const signature = createHmac('sha1', secretKey).update(toSign).digest('base64');
    expect((await send({ ...unsigned, Signature: signature })).SdkToken).toBeTruthy();
    expect(await code({ ...unsigned, SignatureMethod: 'HmacMD5', Signature: signature })).toBe(
      'AuthFailure.SignatureFailure',
    );
  });

  it('needs SecretId, Signature, Timestamp and Nonce, each once', async () => {
    const form = intlV1Form(undefined, 'GetFaceIdTokenIntl', {});
    for (const name of ['SecretId', 'Signature', 'Timestamp', 'Nonce']) {
      const { [name]: _, ...rest } = form;
      expect(await code(rest)).toBe('MissingParameter');
    }
    const repeated = `${new URLSearchParams(form).toString()}&Nonce=1`;
    const response = await app.request(`http://${HOST}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: repeated,
    });
    expect(((await response.json()) as ApiReply).Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('is chosen only for a form body without Authorization', () => {
    const form = 'application/x-www-form-urlencoded; charset=utf-8';
    expect(isV1Request(new Headers({ 'content-type': form }))).toBe(true);
    expect(isV1Request(new Headers({ 'content-type': form, authorization: 'TC3-HMAC-SHA256 Credential=x' }))).toBe(
      false,
    );
    expect(isV1Request(new Headers({ 'content-type': 'application/json' }))).toBe(false);
  });
});
