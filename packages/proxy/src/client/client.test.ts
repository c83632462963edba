// The client against a real loopback FaceID endpoint that re-computes every signature: one success per method,
// headers, body bytes, credentials and endpoint choice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeTc3Crypto } from '../node/crypto.js';
import { startTestServer, type RecordedCall, type TestReply, type TestServer } from '../../test/faceid-test-server.js';
import { FACEID_INTL_ENDPOINT, FACEID_MAINLAND_ENDPOINT, type FaceIdAction } from './actions.js';
import type { FaceIdFetch } from './call.js';
import { createFaceIdClient, type FaceIdClient } from './client.js';

const CREDENTIALS = {
  secretId: 'AKIDEXAMPLEclientTest0000000000000',
  secretKey: 'EXAMPLEclientTestSecretKey00000000000',
};
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0, 999);
const REQUEST_ID = 'b16194cd-8f52-4e66-882a-eb6bf15c016d';

interface Case {
  method: keyof FaceIdClient;
  action: FaceIdAction;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  regional: boolean;
}

const BIZ_TOKEN = '81EEF678-28EE-4759-A82E-6CBBBE6BC442';
const DETAIL = { ErrorCode: 0, ErrorMsg: 'Success', LivenessErrorCode: 0, LivenessErrorMsg: 'Success' };
const ATTEMPT = { ...DETAIL, CompareErrorCode: 0, CompareErrorMsg: 'Success', ReqTimestamp: 1718000045678 };
const CASES: Case[] = [
  {
    method: 'applyWebVerificationBizTokenIntl',
    action: 'ApplyWebVerificationBizTokenIntl',
    request: { RedirectURL: 'https://app.example.com/kyc/return', Extra: 'session-7f3a', Config: { CheckMode: 2 } },
    response: { BizToken: BIZ_TOKEN, VerificationURL: `https://intl.faceid.qq.com/reflect/?token=${BIZ_TOKEN}` },
    regional: true,
  },
  {
    method: 'getWebVerificationResultIntl',
    action: 'GetWebVerificationResultIntl',
    request: { BizToken: BIZ_TOKEN },
    response: {
      ...{ ErrorCode: 0, ErrorMsg: 'Success', VideoBase64: null, BestFrameBase64: null, OCRResult: null, Extra: 'x' },
      VerificationDetailList: [{ ...ATTEMPT, Similarity: 96.12, Seq: '5a0c7c1e' }],
    },
    regional: true,
  },
  {
    method: 'applyWebVerificationToken',
    action: 'ApplyWebVerificationToken',
    request: {
      RedirectUrl: 'https://app.example.com/done',
      CompareImageUrl: 'https://cos/p.jpg',
      CompareImageMd5: 'a',
    },
    response: { BizToken: BIZ_TOKEN, VerificationUrl: `https://sg.faceid.qq.com/reflect/?token=${BIZ_TOKEN}` },
    regional: true,
  },
  {
    method: 'getWebVerificationResult',
    action: 'GetWebVerificationResult',
    request: { BizToken: BIZ_TOKEN },
    response: { ErrorCode: 0, ErrorMsg: 'Succeed', VideoUrl: 'https://cos/v.mp4', VideoMd5: '30fa' },
    regional: true,
  },
  {
    method: 'getFaceIdTokenIntl',
    action: 'GetFaceIdTokenIntl',
    request: { CheckMode: 'liveness', SecureLevel: '4', RetryLimit: 1 },
    response: { SdkToken: 'C8CFF283-539AF-014E77-A5CF-DD9CAD93EFE2' },
    regional: true,
  },
  {
    method: 'getFaceIdResultIntl',
    action: 'GetFaceIdResultIntl',
    request: { SdkToken: 'aeee6d62-b2b2-4634-9662-919a5ac729ab' },
    response: { Result: '0', Description: 'Success', Similarity: 98.8, Extra: 'abc' },
    regional: true,
  },
  {
    method: 'getSdkVerificationResult',
    action: 'GetSdkVerificationResult',
    request: { SdkToken: 'D2B55F0C-FB5D-4FB6-8765-3E931EBBFC79' },
    response: { Result: '0', Description: 'Success', ChargeCount: 1, CardVerifyResults: [], CompareResults: [] },
    regional: true,
  },
  {
    method: 'imageRecognitionV2',
    action: 'ImageRecognitionV2',
    request: { IdCard: '11204416541220243X', Name: '韦小宝', ImageBase64: '/9j/4AAQSkZJRg==' },
    response: { Result: 'Success', Description: 'Success', Sim: 89.88 },
    regional: false,
  },
];

let server: TestServer;
let reply: (call: RecordedCall) => TestReply;

beforeAll(async () => {
  server = await startTestServer((call) => reply(call), [CREDENTIALS]);
});
afterAll(() => server.close());
beforeEach(() => {
  server.calls.length = 0;
  reply = (call) => {
    const found = CASES.find((c) => c.action === call.action);
    return { body: { Response: { ...found?.response, RequestId: REQUEST_ID } } };
  };
});

function client(overrides: Partial<Parameters<typeof createFaceIdClient>[0]> = {}): FaceIdClient {
  return createFaceIdClient({
    credentials: CREDENTIALS,
    region: 'ap-singapore',
    endpoint: server.url,
    now: () => NOW,
    crypto: nodeTc3Crypto,
    ...overrides,
  });
}

type AnyMethod = (request: Record<string, unknown>) => Promise<unknown>;
const call = (c: FaceIdClient, method: keyof FaceIdClient, request: Record<string, unknown>) =>
  (c[method] as AnyMethod)(request);

describe('createFaceIdClient: one signed POST per method', () => {
  it.each(CASES)('$method sends $action and returns the Response object', async (c) => {
    const result = await call(client(), c.method, c.request);

    expect(result).toEqual({ ...c.response, RequestId: REQUEST_ID });
    expect(server.calls).toHaveLength(1);
    const [sent] = server.calls;
    expect(sent?.signatureValid).toBe(true);
    expect(sent?.method).toBe('POST');
    expect(sent?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-tc-action': c.action,
      'x-tc-timestamp': String(Math.floor(NOW / 1000)),
      'x-tc-version': '2018-03-01',
    });
    expect(sent?.region).toBe(c.regional ? 'ap-singapore' : undefined);
    expect(sent?.headers['x-tc-token']).toBeUndefined();
    expect(JSON.parse(sent?.body ?? '')).toEqual(c.request);
  });

  it('drops null and undefined members before signing, keeps array items, sends UTF-8 as signed', async () => {
    const request = { IdCard: '1', Name: '韦小宝', ImageBase64: 'AA==', Extra: undefined, Encryption: null };
    await call(client(), 'imageRecognitionV2', request);
    await call(client(), 'getFaceIdTokenIntl', { Extra: null, Config: { A: [null, 1], B: null } });

    expect(server.calls.map((c) => c.body)).toEqual([
      '{"IdCard":"1","Name":"韦小宝","ImageBase64":"AA=="}',
      '{"Config":{"A":[null,1]}}',
    ]);
    expect(server.calls.every((c) => c.signatureValid)).toBe(true);
  });

  it('fills VerificationURL from VerificationUrl when Tencent sends only that casing', async () => {
    const url = `https://intl.faceid.qq.com/reflect/?token=${BIZ_TOKEN}`;
    reply = () => ({ body: { Response: { BizToken: BIZ_TOKEN, VerificationUrl: url, RequestId: REQUEST_ID } } });

    const result = await client().applyWebVerificationBizTokenIntl({ RedirectURL: 'https://app.example.com/r' });

    expect(result.VerificationURL).toBe(url);
  });

  it('signs with Web Crypto by default and sends X-TC-Language when asked', async () => {
    await client({ crypto: undefined, language: 'zh-CN' }).getFaceIdResultIntl({ SdkToken: 't' });

    expect(server.calls[0]?.signatureValid).toBe(true);
    expect(server.calls[0]?.headers['x-tc-language']).toBe('zh-CN');
  });
});

describe('credentials', () => {
  it('calls an async provider before every request and sends its sessionToken as X-TC-Token', async () => {
    let calls = 0;
    const provider = async () => {
      calls += 1;
      return { ...CREDENTIALS, sessionToken: `sts-token-${calls}` };
    };
    const c = client({ credentials: provider });
    await c.getFaceIdResultIntl({ SdkToken: 't' });
    await c.getFaceIdResultIntl({ SdkToken: 't' });

    expect(calls).toBe(2);
    expect(server.calls.map((s) => s.headers['x-tc-token'])).toEqual(['sts-token-1', 'sts-token-2']);
    expect(server.calls.every((s) => s.signatureValid)).toBe(true);
  });

  it('rejects with a TypeError when the provider returns no key, before anything is sent', async () => {
    const c = client({ credentials: async () => ({ secretId: 'AKIDEXAMPLEx', secretKey: '' }) });

    await expect(c.getFaceIdResultIntl({ SdkToken: 't' })).rejects.toThrow(TypeError);
    expect(server.calls).toHaveLength(0);
  });
});

describe('endpoint', () => {
  // A transport that records the URL the client chose and delivers the request to the loopback server.
  function recordingFetch(urls: string[]): FaceIdFetch {
    return (url, init) => {
      urls.push(url);
      return fetch(server.url, init);
    };
  }

  it('uses the intl host for every action but the legacy web pair, which goes to the mainland host', async () => {
    const urls: string[] = [];
    const c = client({ endpoint: undefined, fetch: recordingFetch(urls) });
    for (const c2 of CASES) await call(c, c2.method, c2.request);

    const expected = CASES.map((c2) =>
      ['ApplyWebVerificationToken', 'GetWebVerificationResult'].includes(c2.action)
        ? `${FACEID_MAINLAND_ENDPOINT}/`
        : `${FACEID_INTL_ENDPOINT}/`,
    );
    expect(urls).toEqual(expected);
  });

  it('sends every action to an explicit endpoint, signing its hostname', async () => {
    const urls: string[] = [];
    const c = client({ endpoint: `${server.url}/`, fetch: recordingFetch(urls) });
    await c.getWebVerificationResult({ BizToken: BIZ_TOKEN });

    expect(urls).toEqual([`${server.url}/`]);
    expect(server.calls[0]?.signatureValid).toBe(true);
  });
});
