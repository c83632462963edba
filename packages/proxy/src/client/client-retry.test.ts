// Which calls the client retries, counted on a real loopback endpoint: Get* reads on retryable failures,
// never Apply*/token creation or ImageRecognitionV2. Backoff waits are injected (no real sleeps).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeTc3Crypto } from '../node/crypto.js';
import { startTestServer, type RecordedCall, type TestReply, type TestServer } from '../../test/faceid-test-server.js';
import { createFaceIdClient, type FaceIdClient } from './client.js';
import { FaceIdApiError, FaceIdBadResponseError, FaceIdError, FaceIdNetworkError } from './errors.js';
import type { FaceIdClientOptions } from './options.js';

const CREDENTIALS = {
  secretId: 'AKIDEXAMPLEclientRetry000000000000',
  secretKey: 'EXAMPLEclientRetrySecretKey0000000000',
};
const REQUEST_ID = '0f5e2e5a-8c2a-4c5b-9f7d-2b8b4f0f7c11';
const OK = { body: { Response: { ErrorCode: 0, ErrorMsg: 'Success', SdkToken: 'tok', RequestId: REQUEST_ID } } };
const apiError = (code: string): TestReply => ({
  body: { Response: { Error: { Code: code, Message: 'simulated' }, RequestId: REQUEST_ID } },
});

let server: TestServer;
let replies: TestReply[];
let delays: number[];

beforeAll(async () => {
  server = await startTestServer((_call: RecordedCall) => replies.shift() ?? OK, [CREDENTIALS]);
});
afterAll(() => server.close());
beforeEach(() => {
  server.calls.length = 0;
  delays = [];
});

function client(overrides: Partial<FaceIdClientOptions> = {}): FaceIdClient {
  return createFaceIdClient({
    credentials: CREDENTIALS,
    region: 'ap-singapore',
    endpoint: server.url,
    crypto: nodeTc3Crypto,
    backoff: {
      random: () => 0.5,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    },
    ...overrides,
  });
}

const read = (c: FaceIdClient) => c.getWebVerificationResultIntl({ BizToken: 't' });

const FAILURES: [string, TestReply][] = [
  ['RequestLimitExceeded', apiError('RequestLimitExceeded')],
  ['RequestLimitExceeded.UinLimitExceeded', apiError('RequestLimitExceeded.UinLimitExceeded')],
  ['InternalError', apiError('InternalError')],
  ['ServiceUnavailable', apiError('ServiceUnavailable')],
  ['ResourceUnavailable', apiError('ResourceUnavailable')],
  ['HTTP 502', { status: 502, body: 'bad gateway' }],
  ['a dropped connection', { drop: true }],
  ['a body that is not JSON', { body: 'nope' }],
  ['a truncated reply', { body: '{"Response":{"RequestId":"x",' }],
  ['a 302 (never followed)', { status: 302, headers: { location: 'http://127.0.0.1:1/' } }],
];

describe('Get* result reads', () => {
  it.each(FAILURES)('are retried on %s and succeed when a later attempt does', async (_name, failure) => {
    replies = [failure, failure];
    const result = await read(client());

    expect(result.RequestId).toBe(REQUEST_ID);
    expect(server.calls).toHaveLength(3);
    expect(server.calls.every((call) => call.signatureValid)).toBe(true);
  });

  it('give up after `retries` extra attempts, with exponential backoff and full jitter', async () => {
    replies = Array.from({ length: 5 }, () => apiError('InternalError'));
    const error = await read(client({ retries: 3 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FaceIdApiError);
    expect(server.calls).toHaveLength(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  it('are not retried with retries: 0', async () => {
    replies = [{ drop: true }];
    await expect(read(client({ retries: 0 }))).rejects.toBeInstanceOf(FaceIdNetworkError);
    expect(server.calls).toHaveLength(1);
  });

  it.each([
    ['AuthFailure.SignatureFailure', apiError('AuthFailure.SignatureFailure')],
    ['InvalidParameterValue.BizTokenExpired', apiError('InvalidParameterValue.BizTokenExpired')],
    ['HTTP 400', { status: 400, body: '' }],
  ] as [string, TestReply][])('are not retried on %s', async (_name, failure) => {
    replies = [failure];
    await expect(read(client())).rejects.toBeInstanceOf(FaceIdError);
    expect(server.calls).toHaveLength(1);
  });

  it.each([
    ['getWebVerificationResult', (c: FaceIdClient) => c.getWebVerificationResult({ BizToken: 't' })],
    ['getFaceIdResultIntl', (c: FaceIdClient) => c.getFaceIdResultIntl({ SdkToken: 't' })],
    ['getSdkVerificationResult', (c: FaceIdClient) => c.getSdkVerificationResult({ SdkToken: 't' })],
  ])('%s is a retried read too', async (_name, run) => {
    replies = [apiError('InternalError'), apiError('InternalError'), apiError('InternalError')];
    await expect(run(client())).rejects.toBeInstanceOf(FaceIdApiError);
    expect(server.calls).toHaveLength(3);
  });
});

describe('token creation and comparisons are never retried once sent', () => {
  const CALLS: [string, (c: FaceIdClient) => Promise<unknown>][] = [
    [
      'applyWebVerificationBizTokenIntl',
      (c) => c.applyWebVerificationBizTokenIntl({ RedirectURL: 'https://a.example/r' }),
    ],
    [
      'applyWebVerificationToken',
      (c) =>
        c.applyWebVerificationToken({ RedirectUrl: 'https://a.example/r', CompareImageUrl: 'u', CompareImageMd5: 'm' }),
    ],
    ['getFaceIdTokenIntl', (c) => c.getFaceIdTokenIntl({})],
    ['imageRecognitionV2', (c) => c.imageRecognitionV2({ IdCard: '1', Name: 'n', ImageBase64: 'AA==' })],
  ];

  it.each(CALLS)('%s: one attempt on InternalError, 5xx or a dropped connection', async (_n, run) => {
    for (const failure of [apiError('InternalError'), { status: 500 }, { drop: true }]) {
      server.calls.length = 0;
      replies = [failure];
      const error = await run(client()).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(FaceIdError);
      expect((error as FaceIdError).retryable).toBe(true);
      expect(
        error instanceof FaceIdApiError ||
          error instanceof FaceIdBadResponseError ||
          error instanceof FaceIdNetworkError,
      ).toBe(true);
      expect(server.calls).toHaveLength(1);
    }
    expect(delays).toEqual([]);
  });

  it.each(CALLS)('%s: sent again after RequestLimitExceeded (refused, so nothing ran)', async (_n, run) => {
    server.calls.length = 0;
    replies = [apiError('RequestLimitExceeded'), apiError('InternalError')];
    const second = await run(client()).catch((e: unknown) => e);
    expect((second as FaceIdApiError).code).toBe('InternalError');
    expect(server.calls).toHaveLength(2);
    server.calls.length = 0;
    replies = [1, 2, 3, 4].map(() => apiError('RequestLimitExceeded'));
    const error = await run(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceIdApiError);
    expect(server.calls).toHaveLength(3);
  });

  it.each(CALLS)('%s: one attempt on a truncated reply or a 302 (a session may exist)', async (_n, run) => {
    for (const failure of [{ body: '{"Response":{"RequestId":"x",' }, { status: 302, headers: { location: '/' } }]) {
      server.calls.length = 0;
      replies = [failure];
      const error = await run(client()).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(FaceIdBadResponseError);
      expect((error as FaceIdError).retryable).toBe(false);
      expect(server.calls).toHaveLength(1);
    }
    expect(delays).toEqual([]);
  });
});
