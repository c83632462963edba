// The one variable table: every variable a bad value can reach is refused naming that variable, through the
// same path the CLI and the Workers handler take (optionsFromEnv → createFaceIdProxy → envErrorOf).
import { describe, expect, it } from 'vitest';
import { createFaceIdProxy } from '../app/index.js';
import { ENV_VARIABLES, envErrorOf, optionsFromEnv, variableOf } from './env.js';
import { ConfigError, EnvError } from './error.js';

const SECRET = 'EXAMPLE-binding-secret-of-32-bytes-or-more';
const PRODUCTION = {
  TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLEconfigTest00000000000000000000',
  TENCENTCLOUD_SECRET_KEY: 'EXAMPLEconfigTestSecretKey000000000000',
  FACEID_REDIRECT_URLS: 'https://app.example.com/kyc/return',
  FACEID_BINDING_SECRET: SECRET,
};
const IMAGE = {
  FACEID_COMPARE_IMAGE_URL: 'https://bucket.example.com/a.jpg',
  FACEID_COMPARE_IMAGE_MD5: 'a'.repeat(32),
};

/** A bad setting for each variable of the table (an env patch); strings any value of which is valid: null. */
const BAD: Record<string, Record<string, string> | null> = {
  TENCENTCLOUD_SECRET_ID: { TENCENTCLOUD_SECRET_ID: '', FACEID_SANDBOX: '0' },
  TENCENTCLOUD_SECRET_KEY: { TENCENTCLOUD_SECRET_KEY: '' },
  TENCENTCLOUD_SESSION_TOKEN: null,
  FACEID_SANDBOX: { FACEID_SANDBOX: 'yes' },
  FACEID_FLOW: { FACEID_FLOW: 'mainland' },
  FACEID_REGION: { FACEID_REGION: 'ap-hongkong' },
  FACEID_ENDPOINT: { FACEID_ENDPOINT: 'ftp://faceid.example/' },
  FACEID_REDIRECT_URLS: { FACEID_REDIRECT_URLS: 'http://app.example.com/kyc' },
  FACEID_PUBLIC_URL: { FACEID_PUBLIC_URL: 'http://app.example.com/faceid' },
  FACEID_ALLOWED_ORIGINS: { FACEID_ALLOWED_ORIGINS: 'https://app.example.com/path' },
  FACEID_BINDING_SECRET: { FACEID_BINDING_SECRET: 'EXAMPLE-31-byte-binding-secret!' },
  FACEID_API_KEY: { FACEID_API_KEY: 'short' },
  FACEID_RULE_ID: null,
  FACEID_SECURITY_LEVEL: { FACEID_SECURITY_LEVEL: '6' },
  FACEID_CHECK_MODE: { FACEID_CHECK_MODE: 'two' },
  FACEID_COMPARE_IMAGE_URL: { ...IMAGE, FACEID_FLOW: 'legacy', FACEID_COMPARE_IMAGE_URL: 'not a url' },
  FACEID_COMPARE_IMAGE_MD5: { ...IMAGE, FACEID_FLOW: 'legacy', FACEID_COMPARE_IMAGE_MD5: 'abc' },
  FACEID_TIMEOUT_MS: { FACEID_TIMEOUT_MS: '0' },
  FACEID_RATE_LIMIT: { FACEID_RATE_LIMIT: '1.5' },
  FACEID_SERVER_RATE_LIMIT: { FACEID_SERVER_RATE_LIMIT: '-5' },
  FACEID_UPSTREAM_RATE: { FACEID_UPSTREAM_RATE: '-1' },
  FACEID_MAX_CONCURRENCY: { FACEID_MAX_CONCURRENCY: '0' },
  FACEID_TRUST_PROXY: { FACEID_TRUST_PROXY: 'many' },
};

/** What the CLI does with an environment: parse, construct, map the error back to a variable. */
function refusal(env: Record<string, string>): EnvError | undefined {
  try {
    createFaceIdProxy(optionsFromEnv(env));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return envErrorOf(error);
  }
  return undefined;
}

describe('the variable table', () => {
  it('has a bad-value case for every variable (a new row must add one)', () => {
    expect(Object.keys(BAD).sort()).toEqual(ENV_VARIABLES.map((row) => row.variable).sort());
  });

  it('accepts the production configuration it starts from', () => {
    expect(refusal(PRODUCTION)).toBeUndefined();
  });

  it.each(Object.entries(BAD).filter((entry): entry is [string, Record<string, string>] => entry[1] !== null))(
    'refuses a bad %s, naming it',
    (variable, patch) => {
      const error = refusal({ ...PRODUCTION, ...patch });
      expect(error?.variable).toBe(variable);
      expect(error?.message.startsWith(`${variable} `)).toBe(true);
      expect(error?.message).not.toContain(SECRET);
      expect(error?.message).not.toContain(PRODUCTION.TENCENTCLOUD_SECRET_KEY);
    },
  );

  it('never quotes a refused binding secret', () => {
    const error = refusal({ ...PRODUCTION, FACEID_BINDING_SECRET: 'EXAMPLE-31-byte-binding-secret!' });
    expect(error?.message).toMatch(/at least 32 bytes/);
    expect(error?.message).not.toContain('EXAMPLE-31-byte-binding-secret!');
  });

  it('maps option paths to variables through the table', () => {
    expect(variableOf('credentials.secretKey')).toBe('TENCENTCLOUD_SECRET_KEY');
    expect(variableOf('credentials')).toBe('TENCENTCLOUD_SECRET_ID');
    expect(variableOf('rateLimit.limit')).toBe('FACEID_RATE_LIMIT');
    expect(variableOf('serverRateLimit')).toBe('FACEID_SERVER_RATE_LIMIT');
    expect(variableOf('logger')).toBeUndefined();
    expect(envErrorOf(new ConfigError('logger', 'must be a function'))).toBeUndefined();
  });

  it('reads the new knobs: flow, trusted hops, the API-key bucket, the legacy photo', () => {
    const options = optionsFromEnv({
      ...PRODUCTION,
      ...IMAGE,
      FACEID_FLOW: 'legacy',
      FACEID_TRUST_PROXY: '1',
      FACEID_SERVER_RATE_LIMIT: '0',
      FACEID_RATE_LIMIT: '30',
      FACEID_MAX_CONCURRENCY: '4',
    });
    expect(options).toMatchObject({
      flow: 'legacy',
      trustProxy: 1,
      serverRateLimit: false,
      rateLimit: { windowMs: 60_000, limit: 30 },
      maxConcurrency: 4,
      compareImage: { url: IMAGE.FACEID_COMPARE_IMAGE_URL, md5: IMAGE.FACEID_COMPARE_IMAGE_MD5 },
    });
    expect(refusal({ ...PRODUCTION, ...IMAGE, FACEID_FLOW: 'legacy' })).toBeUndefined();
  });

  it('names FACEID_REGION and the regions where the flow completes', () => {
    expect(refusal({ ...PRODUCTION, FACEID_REGION: 'ap-hongkong' })?.message).toBe(
      'FACEID_REGION must be one of ap-bangkok, ap-jakarta, ap-singapore for the intl flow ' +
        '(GetWebVerificationResultIntl is not offered in "ap-hongkong")',
    );
    expect(refusal({ ...PRODUCTION, ...IMAGE, FACEID_FLOW: 'legacy', FACEID_REGION: 'ap-bangkok' })?.message).toBe(
      'FACEID_REGION must be one of ap-jakarta, ap-singapore for the legacy flow ' +
        '(ApplyWebVerificationToken is not offered in "ap-bangkok")',
    );
  });
});
