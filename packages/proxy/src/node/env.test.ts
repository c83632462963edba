import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { describe, expect, it } from 'vitest';
import { createFaceIdProxy } from '../app/index.js';
import { EnvError, listenFromEnv, proxyOptionsFromEnv, SANDBOX_CREDENTIALS } from './env.js';

const RETURN = 'https://app.example.com/kyc/return';
const PRODUCTION = {
  TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLEenvTest0000000000000000000000',
  TENCENTCLOUD_SECRET_KEY: 'EXAMPLEenvTestSecretKey0000000000000',
  FACEID_REDIRECT_URLS: `${RETURN}, https://app.example.com/other`,
  FACEID_BINDING_SECRET: 'EXAMPLE-binding-secret-of-32-bytes-or-more',
};

function variableOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).variable;
  }
  return undefined;
}

describe('proxyOptionsFromEnv', () => {
  it('reads a production configuration', () => {
    const options = proxyOptionsFromEnv({
      ...PRODUCTION,
      TENCENTCLOUD_SESSION_TOKEN: 'EXAMPLEsts',
      FACEID_REGION: 'ap-jakarta',
      FACEID_ALLOWED_ORIGINS: 'https://app.example.com,https://www.example.com',
      FACEID_API_KEY: 'EXAMPLE-api-key-0123456789',
      FACEID_RULE_ID: '1',
      FACEID_SECURITY_LEVEL: '4',
      FACEID_CHECK_MODE: '3',
      FACEID_TIMEOUT_MS: '5000',
      FACEID_RATE_LIMIT: '0',
      FACEID_UPSTREAM_RATE: '10',
    });
    expect(options).toEqual({
      credentials: {
        secretId: PRODUCTION.TENCENTCLOUD_SECRET_ID,
        secretKey: PRODUCTION.TENCENTCLOUD_SECRET_KEY,
        sessionToken: 'EXAMPLEsts',
      },
      sandbox: false,
      region: 'ap-jakarta',
      redirectUrls: [RETURN, 'https://app.example.com/other'],
      allowedOrigins: ['https://app.example.com', 'https://www.example.com'],
      bindingSecret: PRODUCTION.FACEID_BINDING_SECRET,
      apiKey: 'EXAMPLE-api-key-0123456789',
      ruleId: '1',
      securityLevel: 4,
      checkMode: 3,
      timeoutMs: 5000,
      upstreamRatePerSecond: 10,
      rateLimit: false,
    });
    expect(() => createFaceIdProxy(options)).not.toThrow();
  });

  it('without credentials is sandbox: simulator credentials, local endpoint, no binding secret needed', () => {
    const options = proxyOptionsFromEnv({ FACEID_REDIRECT_URLS: 'http://localhost:5173/' });
    expect(options).toMatchObject({
      sandbox: true,
      credentials: SANDBOX_CREDENTIALS,
      endpoint: 'http://127.0.0.1:8788',
    });
    expect(SANDBOX_CREDENTIALS).toEqual(DEMO_CREDENTIALS);
    expect(() => createFaceIdProxy(options)).not.toThrow();
  });

  it('FACEID_SANDBOX=1 keeps given credentials; FACEID_SANDBOX=0 demands them', () => {
    expect(proxyOptionsFromEnv({ ...PRODUCTION, FACEID_SANDBOX: '1' })).toMatchObject({
      sandbox: true,
      credentials: { secretId: PRODUCTION.TENCENTCLOUD_SECRET_ID },
    });
    expect(variableOf(() => proxyOptionsFromEnv({ FACEID_SANDBOX: '0', FACEID_REDIRECT_URLS: RETURN }))).toBe(
      'TENCENTCLOUD_SECRET_ID',
    );
  });

  it.each<[string, Record<string, string>]>([
    ['TENCENTCLOUD_SECRET_KEY', { TENCENTCLOUD_SECRET_KEY: '' }],
    ['TENCENTCLOUD_SECRET_ID', { TENCENTCLOUD_SECRET_ID: '', FACEID_SANDBOX: '0' }],
    ['FACEID_SANDBOX', { FACEID_SANDBOX: 'yes' }],
    ['FACEID_REDIRECT_URLS', { FACEID_REDIRECT_URLS: '' }],
    ['FACEID_REDIRECT_URLS', { FACEID_REDIRECT_URLS: 'http://app.example.com/kyc' }],
    ['FACEID_REDIRECT_URLS', { FACEID_REDIRECT_URLS: 'https://u@app.example.com/kyc' }],
    ['FACEID_BINDING_SECRET', { FACEID_BINDING_SECRET: 'too-short' }],
    ['FACEID_BINDING_SECRET', { FACEID_BINDING_SECRET: '' }],
    ['FACEID_REGION', { FACEID_REGION: 'ap-guangzhou' }],
    ['FACEID_ENDPOINT', { FACEID_ENDPOINT: 'ftp://faceid.example' }],
    ['FACEID_ALLOWED_ORIGINS', { FACEID_ALLOWED_ORIGINS: 'https://app.example.com/path' }],
    ['FACEID_API_KEY', { FACEID_API_KEY: 'short' }],
    ['FACEID_SECURITY_LEVEL', { FACEID_SECURITY_LEVEL: '6' }],
    ['FACEID_CHECK_MODE', { FACEID_CHECK_MODE: 'two' }],
    ['FACEID_TIMEOUT_MS', { FACEID_TIMEOUT_MS: '-1' }],
    ['FACEID_RATE_LIMIT', { FACEID_RATE_LIMIT: '1.5' }],
  ])('refuses a bad %s', (variable, patch) => {
    const error = (() => {
      try {
        proxyOptionsFromEnv({ ...PRODUCTION, ...patch });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).variable).toBe(variable);
    expect(error?.message.startsWith(variable)).toBe(true);
  });

  it('never puts a secret into an error message', () => {
    const secret = 'EXAMPLE-31-byte-binding-secret!';
    const error = (() => {
      try {
        proxyOptionsFromEnv({ ...PRODUCTION, FACEID_BINDING_SECRET: secret });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/at least 32 bytes/);
    expect(error?.message).not.toContain(secret);
  });
});

describe('listenFromEnv', () => {
  it('defaults to 127.0.0.1:8787 and reads PORT and HOST', () => {
    expect(listenFromEnv({})).toEqual({ port: 8787, hostname: '127.0.0.1' });
    expect(listenFromEnv({ PORT: '0', HOST: '::1' })).toEqual({ port: 0, hostname: '::1' });
    expect(variableOf(() => listenFromEnv({ PORT: '70000' }))).toBe('PORT');
  });
});
