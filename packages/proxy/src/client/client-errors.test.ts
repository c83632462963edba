// Every failure class of the client, against a real loopback endpoint: API errors, bad answers, network
// failures, timeouts, refused redirects, caller aborts and invalid options. No message leaks the SecretKey.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeTc3Crypto } from '../node/crypto.js';
import { startTestServer, type RecordedCall, type TestReply, type TestServer } from '../../test/faceid-test-server.js';
import { createFaceIdClient, type FaceIdClient } from './client.js';
import {
  FaceIdApiError,
  FaceIdBadResponseError,
  FaceIdError,
  FaceIdNetworkError,
  FaceIdTimeoutError,
} from './errors.js';
import type { FaceIdClientOptions } from './options.js';

const SECRET_KEY = 'EXAMPLEclientErrorsSecretKey000000000';
const CREDENTIALS = { secretId: 'AKIDEXAMPLEclientErrors00000000000', secretKey: SECRET_KEY };
const REQUEST_ID = 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6';

let server: TestServer;
let reply: (call: RecordedCall) => TestReply;

beforeAll(async () => {
  server = await startTestServer((call) => reply(call), [CREDENTIALS]);
});
afterAll(() => server.close());
beforeEach(() => {
  server.calls.length = 0;
});

function client(overrides: Partial<FaceIdClientOptions> = {}): FaceIdClient {
  return createFaceIdClient({
    credentials: CREDENTIALS,
    region: 'ap-singapore',
    endpoint: server.url,
    crypto: nodeTc3Crypto,
    backoff: { sleep: () => Promise.resolve() },
    ...overrides,
  });
}

/** Awaits the rejection, checks its class and that nothing about it mentions the SecretKey. */
async function failure<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  const text = [inspect(error, { depth: 8, showHidden: true }), String(error), (error as Error).stack].join('\n');
  expect(text).not.toContain(SECRET_KEY);
  return error as E;
}

const apiError = (code: string): TestReply => ({
  body: { Response: { Error: { Code: code, Message: `Simulated ${code}.` }, RequestId: REQUEST_ID } },
});

describe('FaceIdApiError: Tencent Response.Error', () => {
  it('carries code, message, requestId, action and retryable', async () => {
    reply = () => apiError('InvalidParameterValue.BizTokenExpired');
    const error = await failure(client().getWebVerificationResultIntl({ BizToken: 't' }), FaceIdApiError);

    expect(error).toMatchObject({
      code: 'InvalidParameterValue.BizTokenExpired',
      requestId: REQUEST_ID,
      action: 'GetWebVerificationResultIntl',
      retryable: false,
    });
    expect(error.message).toContain('Simulated InvalidParameterValue.BizTokenExpired.');
    expect(error).toBeInstanceOf(FaceIdError);
    expect(server.calls).toHaveLength(1);
  });

  it('is what a wrong SecretKey gets, and the test server really rejects that signature', async () => {
    reply = (call) => (call.signatureValid ? { body: {} } : apiError('AuthFailure.SignatureFailure'));
    const wrongKey = { ...CREDENTIALS, secretKey: 'EXAMPLEwrongKey' };
    const error = await failure(client({ credentials: wrongKey }).getFaceIdTokenIntl({}), FaceIdApiError);

    expect(error.code).toBe('AuthFailure.SignatureFailure');
    expect(inspect(error)).not.toContain('EXAMPLEwrongKey');
    expect(server.calls[0]?.signatureValid).toBe(false);
  });
});

describe('FaceIdBadResponseError: answers that are not FaceID replies', () => {
  const BAD: [string, TestReply, number, boolean][] = [
    ['HTTP 500', { status: 500, body: 'upstream exploded' }, 500, true],
    ['HTTP 503', { status: 503, body: { Response: { RequestId: REQUEST_ID } } }, 503, true],
    ['HTTP 404', { status: 404, body: 'not here' }, 404, false],
    ['a body that is not JSON', { body: '<html>oops</html>' }, 200, false],
    ['JSON without Response', { body: { Data: {} } }, 200, false],
    ['no RequestId', { body: { Response: { SdkToken: 'tok' } } }, 200, false],
    ['a null SdkToken', { body: { Response: { SdkToken: null, RequestId: REQUEST_ID } } }, 200, false],
    ['an Error without Code', { body: { Response: { Error: { Message: 'x' }, RequestId: REQUEST_ID } } }, 200, false],
  ];

  it.each(BAD)('rejects %s', async (_name, answer, status, retryable) => {
    reply = () => answer;
    const error = await failure(client().getFaceIdTokenIntl({}), FaceIdBadResponseError);

    expect(error).toMatchObject({ status, retryable, action: 'GetFaceIdTokenIntl' });
    expect(error.message).not.toContain('exploded');
    expect(server.calls).toHaveLength(1);
  });

  it('rejects an ApplyWebVerificationBizTokenIntl reply with a null BizToken, keeping its RequestId', async () => {
    reply = () => ({ body: { Response: { BizToken: null, VerificationURL: 'https://x/', RequestId: REQUEST_ID } } });
    const error = await failure(
      client().applyWebVerificationBizTokenIntl({ RedirectURL: 'https://app.example.com/r' }),
      FaceIdBadResponseError,
    );

    expect(error.message).toContain('BizToken');
    expect(error.requestId).toBe(REQUEST_ID);
  });
});

describe('FaceIdNetworkError', () => {
  it('is raised when the connection drops before an answer', async () => {
    reply = () => ({ drop: true });
    const error = await failure(client().getFaceIdTokenIntl({}), FaceIdNetworkError);

    expect(error).toMatchObject({ retryable: true, action: 'GetFaceIdTokenIntl' });
    expect(server.calls).toHaveLength(1);
  });

  it('is raised when nothing listens, with the cause attached', async () => {
    const closed = await startTestServer(() => ({}));
    await closed.close();
    const error = await failure(client({ endpoint: closed.url }).getFaceIdTokenIntl({}), FaceIdNetworkError);

    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('redirects are refused', () => {
  let target: TestServer;
  beforeAll(async () => {
    target = await startTestServer(() => ({ body: { Response: { SdkToken: 'stolen', RequestId: REQUEST_ID } } }));
  });
  afterAll(() => target.close());

  it('never follows a 302 to another server (redirect: manual): a start gets one attempt, not retryable', async () => {
    reply = () => ({ status: 302, headers: { location: target.url } });
    const error = await failure(client().getFaceIdTokenIntl({}), FaceIdBadResponseError);

    expect(error).toMatchObject({ status: 302, retryable: false, action: 'GetFaceIdTokenIntl' });
    expect(error.event).toEqual({ kind: 'redirect', status: 302 });
    expect(error.message).toContain('HTTP 302');
    expect(server.calls).toHaveLength(1);
    expect(target.calls).toHaveLength(0);
  });

  it('a read is retried on a 302, still never following it', async () => {
    reply = () => ({ status: 302, headers: { location: target.url } });
    const error = await failure(client().getWebVerificationResultIntl({ BizToken: 't' }), FaceIdBadResponseError);

    expect(error).toMatchObject({ status: 302, retryable: true, action: 'GetWebVerificationResultIntl' });
    expect(server.calls).toHaveLength(3);
    expect(target.calls).toHaveLength(0);
  });
});

describe('FaceIdTimeoutError', () => {
  it('aborts a hanging call at timeoutMs and does not retry it, even for a read', async () => {
    reply = () => ({ hang: true });
    const started = performance.now();
    const error = await failure(
      client({ timeoutMs: 100 }).getWebVerificationResultIntl({ BizToken: 't' }),
      FaceIdTimeoutError,
    );
    const elapsed = performance.now() - started;

    expect(error).toMatchObject({ timeoutMs: 100, retryable: true, action: 'GetWebVerificationResultIntl' });
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(1_000);
    expect(server.calls).toHaveLength(1);
  });

  it('takes a per-call timeoutMs over the client default', async () => {
    reply = () => ({ hang: true });
    const started = performance.now();
    const error = await failure(client().getFaceIdTokenIntl({}, { timeoutMs: 50 }), FaceIdTimeoutError);

    expect(error.timeoutMs).toBe(50);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("the caller's AbortSignal", () => {
  it('aborts a call in flight with the caller’s reason', async () => {
    let arrived!: () => void;
    const onServer = new Promise<void>((resolve) => (arrived = resolve));
    reply = () => {
      arrived();
      return { hang: true };
    };
    const controller = new AbortController();
    const pending = client().getWebVerificationResultIntl({ BizToken: 't' }, { signal: controller.signal });
    await onServer;
    const reason = new Error('the user left');
    controller.abort(reason);

    await expect(pending).rejects.toBe(reason);
    expect(server.calls).toHaveLength(1);
  });

  it('sends nothing when already aborted', async () => {
    const reason = new Error('too late');
    const pending = client().getFaceIdTokenIntl({}, { signal: AbortSignal.abort(reason) });

    await expect(pending).rejects.toBe(reason);
    expect(server.calls).toHaveLength(0);
  });

  it('sends nothing when it aborts while the credentials provider is still answering', async () => {
    let release!: () => void;
    const providerWaits = new Promise<void>((resolve) => (release = resolve));
    const provider = async () => {
      await providerWaits;
      return CREDENTIALS;
    };
    const controller = new AbortController();
    const pending = client({ credentials: provider }).getFaceIdTokenIntl({}, { signal: controller.signal });
    const reason = new Error('changed my mind');
    controller.abort(reason);
    release();

    await expect(pending).rejects.toBe(reason);
    expect(server.calls).toHaveLength(0);
  });

  it('stops the backoff between retries', async () => {
    reply = () => ({ status: 500 });
    const controller = new AbortController();
    const c = client({ backoff: { baseDelayMs: 60_000, random: () => 0.99 } });
    const pending = c.getWebVerificationResultIntl({ BizToken: 't' }, { signal: controller.signal });
    const reason = new Error('stop');
    await expect.poll(() => server.calls.length).toBe(1);
    controller.abort(reason);

    await expect(pending).rejects.toBe(reason);
    expect(server.calls).toHaveLength(1);
  });
});

describe('options are checked at construction', () => {
  const BAD: [string, Partial<FaceIdClientOptions>][] = [
    ['credentials.secretId', { credentials: { secretId: '', secretKey: SECRET_KEY } }],
    ['credentials.secretKey', { credentials: { secretId: 'AKIDEXAMPLE1' } as never }],
    ['region', { region: 'Singapore' }],
    ['endpoint', { endpoint: 'not a url' }],
    ['endpoint', { endpoint: 'ftp://faceid.example.com' }],
    ['endpoint', { endpoint: 'https://user:pw@faceid.example.com' }],
    ['endpoint', { endpoint: 'https://faceid.example.com/api?x=1' }],
    ['timeoutMs', { timeoutMs: -1 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['retries', { retries: 1.5 }],
    ['retries', { retries: -1 }],
    ['fetch', { fetch: 'fetch' as never }],
    ['now', { now: 5 as never }],
    ['crypto', { crypto: {} as never }],
    ['language', { language: 'fr-FR' as never }],
  ];

  it.each(BAD)('throws a TypeError naming %s', (name, options) => {
    expect(() => client(options)).toThrow(new RegExp(`^createFaceIdClient: ${name.replace('.', '\\.')} `));
    expect(() => client(options)).toThrow(TypeError);
  });

  it('names timeoutMs when a call passes a bad one', async () => {
    await expect(client().getFaceIdTokenIntl({}, { timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
  });
});
