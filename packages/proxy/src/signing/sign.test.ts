import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeTc3Crypto } from '../node/crypto.js';
import { buildCanonicalRequest, TC3_SIGNED_HEADERS } from './canonical-request.js';
import { webTc3Crypto, type Tc3Crypto } from './crypto.js';
import { computeTc3Signature, signTc3, type Tc3SignInput } from './sign.js';
import { SigningKeyCache } from './signing-key.js';
import { buildStringToSign, credentialScope, utcDate } from './string-to-sign.js';

interface Vector {
  name: string;
  secretId: string;
  secretKey: string;
  token?: string;
  service: string;
  host: string;
  region: string | null;
  action: string;
  version: string;
  timestamp: number;
  language?: string;
  contentType: string;
  body: string;
  bodyBytes: number;
  expected: { authorization: string; headers: Record<string, string> };
  debug: {
    hashedPayload: string;
    canonicalRequest: string;
    credentialScope: string;
    stringToSign: string;
    signature: string;
  };
}

const { vectors } = JSON.parse(readFileSync(new URL('./tc3-vectors.json', import.meta.url), 'utf8')) as {
  vectors: Vector[];
};

type Sign3 = (args: {
  url: string;
  payload: unknown;
  timestamp: number;
  service: string;
  secretId: string;
  secretKey: string;
  multipart: boolean;
  boundary: string;
  headers: Record<string, string>;
}) => string;
const require = createRequire(import.meta.url);
const officialSign3: Sign3 = (
  require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as {
    default: { sign3: Sign3 };
  }
).default.sign3;

function inputOf(v: Vector): Tc3SignInput {
  return {
    secretId: v.secretId,
    secretKey: v.secretKey,
    sessionToken: v.token,
    service: v.service,
    host: v.host,
    region: v.region,
    action: v.action,
    version: v.version,
    timestamp: v.timestamp,
    body: v.body,
    contentType: v.contentType,
    language: v.language,
  };
}

const CRYPTOS: [string, Tc3Crypto][] = [
  ['Web Crypto', webTc3Crypto],
  ['node:crypto', nodeTc3Crypto],
];

describe('TC3-HMAC-SHA256 against the official SDK vectors', () => {
  it('has the 13 published vectors', () => {
    expect(vectors).toHaveLength(13);
  });

  for (const v of vectors) {
    describe(v.name, () => {
      it('builds the canonical request, scope and string to sign step by step', async () => {
        expect(new TextEncoder().encode(v.body).length).toBe(v.bodyBytes);
        const hashedPayload = await webTc3Crypto.sha256Hex(v.body);
        expect(hashedPayload).toBe(v.debug.hashedPayload);
        const canonical = buildCanonicalRequest({
          headers: { 'content-type': v.contentType, host: v.host },
          hashedPayload,
        });
        expect(canonical).toBe(v.debug.canonicalRequest);
        const scope = credentialScope(utcDate(v.timestamp), v.service);
        expect(scope).toBe(v.debug.credentialScope);
        expect(buildStringToSign(v.timestamp, scope, await webTc3Crypto.sha256Hex(canonical))).toBe(
          v.debug.stringToSign,
        );
      });

      for (const [label, crypto] of CRYPTOS) {
        it(`signs identically with ${label}, cached and uncached`, async () => {
          for (const keyCache of [null, new SigningKeyCache()]) {
            const parts = await computeTc3Signature(inputOf(v), { crypto, keyCache });
            expect(parts.signature).toBe(v.debug.signature);
            expect(parts.authorization).toBe(v.expected.authorization);
          }
        });
      }

      it('returns exactly the headers the SDK sent (less its informational X-TC-RequestClient)', async () => {
        const { 'X-TC-RequestClient': _client, ...expected } = v.expected.headers;
        const headers = await signTc3(inputOf(v), { crypto: nodeTc3Crypto });
        expect(headers).toEqual({ ...expected, Authorization: v.expected.authorization });
      });
    });
  }
});

describe('signTc3 input checks', () => {
  const base = inputOf(vectors[0]!);
  it('rejects empty required fields, a non-string body and fractional or negative timestamps', async () => {
    await expect(signTc3({ ...base, secretKey: '' })).rejects.toThrow(/secretKey/);
    await expect(signTc3({ ...base, action: '' })).rejects.toThrow(/action/);
    await expect(signTc3({ ...base, body: undefined as unknown as string })).rejects.toThrow(/body/);
    await expect(signTc3({ ...base, timestamp: 1.5 })).rejects.toThrow(RangeError);
    await expect(signTc3({ ...base, timestamp: -1 })).rejects.toThrow(RangeError);
  });

  it('never puts the SecretKey in an error message', async () => {
    const error = await signTc3({ ...base, timestamp: Number.NaN }).catch((e: unknown) => e as Error);
    expect(String(error)).not.toContain(base.secretKey);
  });

  it('uses the UTC date at the day boundary', () => {
    expect(utcDate(1735689599)).toBe('2024-12-31');
    expect(utcDate(1735689600)).toBe('2025-01-01');
  });
});

describe('property: Authorization equals tencentcloud-sdk-nodejs-common Sign.sign3', () => {
  const region = fc.constantFrom('ap-singapore', 'ap-jakarta', 'ap-bangkok', 'ap-hongkong', 'sa-saopaulo', null);
  const host = fc.constantFrom('faceid.intl.tencentcloudapi.com', 'faceid.tencentcloudapi.com');
  const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8');
  const key = fc.string({ minLength: 1, maxLength: 48, unit: 'grapheme' });

  it('for random bodies, keys, timestamps and regions (1,000 runs, both primitives)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 400, unit: 'grapheme' }),
        key,
        key,
        fc.integer({ min: 0, max: 2 ** 32 }),
        region,
        host,
        contentType,
        async (body, secretId, secretKey, timestamp, region, host, contentType) => {
          const expected = officialSign3({
            url: `https://${host}/`,
            payload: Buffer.from(body, 'utf8'),
            timestamp,
            service: 'faceid',
            secretId,
            secretKey,
            multipart: false,
            boundary: '',
            headers: { 'Content-Type': contentType },
          });
          const input = {
            secretId,
            secretKey,
            service: 'faceid',
            host,
            region,
            action: 'GetWebVerificationResultIntl',
            version: '2018-03-01',
            timestamp,
            body,
            contentType,
          };
          expect((await signTc3(input, { crypto: nodeTc3Crypto })).Authorization).toBe(expected);
          expect((await signTc3(input)).Authorization).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('for JSON objects serialised once by the SDK (1,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        key,
        async (params, secretKey) => {
          const expected = officialSign3({
            url: 'https://faceid.intl.tencentcloudapi.com/',
            payload: params,
            timestamp: 1735689599,
            service: 'faceid',
            secretId: 'AKIDEXAMPLE',
            secretKey,
            multipart: false,
            boundary: '',
            headers: { 'Content-Type': 'application/json' },
          });
          const headers = await signTc3({
            secretId: 'AKIDEXAMPLE',
            secretKey,
            service: 'faceid',
            host: 'faceid.intl.tencentcloudapi.com',
            action: 'GetFaceIdTokenIntl',
            version: '2018-03-01',
            timestamp: 1735689599,
            body: JSON.stringify(params),
          });
          expect(headers.Authorization).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('SignedHeaders is always content-type;host', () => {
    expect(TC3_SIGNED_HEADERS).toBe('content-type;host');
  });
});
