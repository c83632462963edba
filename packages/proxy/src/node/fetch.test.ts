// undiciFetch against real loopback servers, alone and as the FaceID client's transport.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaceIdBadResponseError, FaceIdTimeoutError } from '../client/errors.js';
import { createNodeFaceIdClient } from './client.js';
import { createUndiciFetch, undiciFetch } from './fetch.js';
import { startTestServer, type RecordedCall, type TestReply, type TestServer } from '../../test/faceid-test-server.js';

const CREDENTIALS = {
  secretId: 'AKIDEXAMPLEundiciFetch00000000000',
  secretKey: 'EXAMPLEundiciFetchSecretKey0000000000',
};
const REQUEST_ID = '946d5e33-1111-2222-3333-444455556666';

let server: TestServer;
let target: TestServer;
let reply: (call: RecordedCall) => TestReply;

beforeAll(async () => {
  server = await startTestServer((call) => reply(call), [CREDENTIALS]);
  target = await startTestServer(() => ({ body: { Response: { SdkToken: 'stolen', RequestId: REQUEST_ID } } }));
});
afterAll(async () => {
  await server.close();
  await target.close();
});
beforeEach(() => {
  server.calls.length = 0;
  target.calls.length = 0;
});

describe('undiciFetch', () => {
  it('sends method, headers and a UTF-8 body, and answers like a Response', async () => {
    reply = () => ({ status: 201, body: { ok: '好' }, headers: { 'x-answer': '42' } });
    const response = await undiciFetch(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'Ping' },
      body: '{"Name":"韦小宝"}',
    });

    expect(response).toMatchObject({ status: 201, ok: true });
    expect(response.headers.get('x-answer')).toBe('42');
    expect(await response.json()).toEqual({ ok: '好' });
    expect(server.calls[0]).toMatchObject({ method: 'POST', action: 'Ping', body: '{"Name":"韦小宝"}' });
    expect(server.calls[0]?.headers['content-type']).toBe('application/json');
  });

  it('takes Headers objects and byte bodies too', async () => {
    reply = () => ({ status: 204 });
    const response = await createUndiciFetch()(new URL(server.url), {
      method: 'PUT',
      headers: new Headers([['x-tc-action', 'Bytes']]),
      body: new TextEncoder().encode('abc'),
    });

    expect(response).toMatchObject({ status: 204, ok: true });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array());
    expect(server.calls[0]).toMatchObject({ method: 'PUT', action: 'Bytes', body: 'abc' });
  });

  it('returns a 302 as is and never contacts its Location', async () => {
    reply = () => ({ status: 302, headers: { location: target.url } });
    const response = await undiciFetch(server.url, { method: 'POST', body: '{}', redirect: 'error' });

    expect(response).toMatchObject({ status: 302, ok: false });
    expect(response.headers.get('location')).toBe(target.url);
    expect(target.calls).toHaveLength(0);
  });

  it('rejects with the signal’s reason while waiting for headers', async () => {
    reply = () => ({ hang: true });
    const controller = new AbortController();
    const pending = undiciFetch(server.url, { method: 'POST', body: '{}', signal: controller.signal });
    await expect.poll(() => server.calls.length).toBe(1);
    const reason = new Error('stop waiting');
    controller.abort(reason);

    await expect(pending).rejects.toBe(reason);
  });

  it('rejects with the signal’s reason when the body stalls after the headers', async () => {
    const controller = new AbortController();
    const reason = new Error('body too slow');
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"Response":', () => controller.abort(reason));
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const { port } = stalling.address() as AddressInfo;
    try {
      await expect(undiciFetch(`http://127.0.0.1:${port}/`, { signal: controller.signal })).rejects.toBe(reason);
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it('refuses a Request object and streaming bodies with a TypeError', async () => {
    await expect(undiciFetch(new Request(server.url) as never)).rejects.toThrow(TypeError);
    await expect(undiciFetch(server.url, { method: 'POST', body: new Blob(['x']) })).rejects.toThrow(TypeError);
    expect(server.calls).toHaveLength(0);
  });
});

describe('createNodeFaceIdClient (node:crypto + undiciFetch)', () => {
  const client = (timeoutMs?: number) =>
    createNodeFaceIdClient({ credentials: CREDENTIALS, region: 'ap-jakarta', endpoint: server.url, timeoutMs });

  it('makes signed calls the endpoint accepts', async () => {
    reply = (call) => ({
      body: call.signatureValid
        ? { Response: { SdkToken: 'C8CFF283', RequestId: REQUEST_ID } }
        : { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'x' }, RequestId: REQUEST_ID } },
    });
    const result = await client().getFaceIdTokenIntl({ CheckMode: 'liveness' });

    expect(result).toEqual({ SdkToken: 'C8CFF283', RequestId: REQUEST_ID });
    expect(server.calls[0]?.region).toBe('ap-jakarta');
  });

  it('hands a redirect back unfollowed: a bad response, retried on a read, never reaching the target', async () => {
    reply = () => ({ status: 302, headers: { location: target.url } });
    const error = await client()
      .getWebVerificationResultIntl({ BizToken: 't' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FaceIdBadResponseError);
    expect(error).toMatchObject({ status: 302, retryable: true });
    expect(server.calls).toHaveLength(3);
    expect(target.calls).toHaveLength(0);
  });

  it('honours timeoutMs', async () => {
    reply = () => ({ hang: true });
    const started = performance.now();
    const error = await client(100)
      .getFaceIdTokenIntl({})
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FaceIdTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
