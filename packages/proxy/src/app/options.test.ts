import { describe, expect, it } from 'vitest';
import { createFaceIdProxy } from './app.js';
import { resolveProxyOptions } from './options.js';
import { RETURN_URL, TEST_BINDING_SECRET, TEST_CREDENTIALS } from '../../test/proxy-testing.js';
import type { FaceIdProxyOptions } from './types.js';

const VALID: FaceIdProxyOptions = {
  credentials: TEST_CREDENTIALS,
  redirectUrls: [RETURN_URL],
  bindingSecret: TEST_BINDING_SECRET,
};

describe('createFaceIdProxy options', () => {
  it('fills defaults: ap-singapore, intl flow, origins of the return URLs, 10 s deadline', () => {
    const resolved = resolveProxyOptions(VALID);
    expect(resolved).toMatchObject({
      region: 'ap-singapore',
      flow: 'intl',
      sandbox: false,
      allowedOrigins: ['https://app.example.com'],
      timeoutMs: 10_000,
      upstreamRatePerSecond: 18,
      rateLimit: { windowMs: 60_000, limit: 60 },
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['credentials', { credentials: { secretId: 'AKIDEXAMPLE' } }, /option "credentials/],
    ['redirectUrls missing', { redirectUrls: undefined }, /option "redirectUrls"/],
    ['redirectUrls empty', { redirectUrls: [] }, /option "redirectUrls" must list at least one/],
    ['redirectUrls http', { redirectUrls: ['http://app.example.com/kyc'] }, /option "redirectUrls" .*https/],
    ['redirectUrls userinfo', { redirectUrls: ['https://a@app.example.com/'] }, /option "redirectUrls" .*userinfo/],
    ['bindingSecret missing', { bindingSecret: undefined }, /option "bindingSecret" is required outside sandbox/],
    ['bindingSecret short', { bindingSecret: 'x'.repeat(31) }, /option "bindingSecret" must be at least 32 bytes/],
    ['region', { region: 'us-east-1' }, /option "region" must be one of/],
    ['legacy region', { flow: 'legacy', region: 'ap-bangkok', beforeSession: () => ({}) }, /option "region" .*legacy/],
    ['legacy hook', { flow: 'legacy' }, /option "compareImage" is required with flow 'legacy' unless beforeSession/],
    ['flow', { flow: 'mainland' }, /option "flow"/],
    ['endpoint', { endpoint: 'not a url' }, /option "endpoint" must be an absolute URL/],
    ['endpoint http', { endpoint: 'http://127.0.0.1:8788' }, /option "endpoint" must be https outside sandbox/],
    ['allowedOrigins', { allowedOrigins: ['https://app.example.com/'] }, /option "allowedOrigins"/],
    ['allowedOrigins *', { allowedOrigins: ['*'] }, /option "allowedOrigins"/],
    ['publicUrl http', { publicUrl: 'http://app.example.com/faceid' }, /option "publicUrl" .*https/],
    ['publicUrl relative', { publicUrl: '/faceid' }, /option "publicUrl" .*absolute/],
    ['publicUrl query', { publicUrl: 'https://app.example.com/faceid?x=1' }, /option "publicUrl" must have no query/],
    ['apiKey', { apiKey: 'short' }, /option "apiKey" must be at least 16/],
    ['securityLevel', { securityLevel: 9 }, /option "securityLevel"/],
    ['checkMode', { checkMode: 1.5 }, /option "checkMode"/],
    ['timeoutMs', { timeoutMs: 0 }, /option "timeoutMs"/],
    ['media', { media: { video: true, audio: true } }, /option "media/],
    ['unknown', { redirectURLs: [RETURN_URL] }, /option "redirectURLs"/],
    ['hook', { beforeSession: 'yes' }, /option "beforeSession" must be a function/],
  ])('throws naming the option: %s', (_name, patch, message) => {
    const options = { ...VALID, ...patch } as unknown as FaceIdProxyOptions;
    expect(() => createFaceIdProxy(options)).toThrow(TypeError);
    expect(() => createFaceIdProxy(options)).toThrow(message);
  });

  it('relaxes the binding secret and allows http endpoints in sandbox', () => {
    const { bindingSecret: _omitted, ...withoutSecret } = VALID;
    const sandbox = { ...withoutSecret, sandbox: true, endpoint: 'http://127.0.0.1:8788' };
    expect(() => createFaceIdProxy(sandbox)).not.toThrow();
    expect(() => createFaceIdProxy({ ...VALID, sandbox: true, bindingSecret: 'short' })).not.toThrow();
  });
});
