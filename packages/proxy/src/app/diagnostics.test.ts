// Diagnostics an operator reads, over real loopback sockets: the log line of every failed request names the proxy's
// code, Tencent's code (upstreamCode) and, for upstream failures, the cause (ECONNREFUSED and the address, a
// timeout, a reply that is not JSON); never a secret, token or binding.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFaceIdProxy } from '../node/serve.js';
import {
  CANARIES,
  postJson,
  RETURN_URL,
  startWebSession,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
  type OptionOverrides,
} from '../../test/proxy-testing.js';

interface LogLine {
  route: string;
  action: string | null;
  status: number;
  code?: string;
  upstreamCode?: string | null;
  cause?: string | null;
  upstreamRequestId: string | null;
}

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
const running: { close(): Promise<void> }[] = [];
let lines: string[] = [];

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  await simulator?.close();
});
beforeEach(async () => {
  lines = [];
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
});

/** A proxy whose log lines land in `lines`. */
async function proxy(overrides: OptionOverrides = {}, endpoint = simulator.url) {
  const server = await serveFaceIdProxy(
    testProxyOptions(endpoint, { now: clock.now, retries: 0, logger: (line) => void lines.push(line), ...overrides }),
  );
  running.push(server);
  return (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);
}

/** The one log line of the request just made; no line may carry a secret. */
function lastLine(): LogLine {
  for (const line of lines) for (const canary of CANARIES) expect(line).not.toContain(canary);
  return JSON.parse(lines.at(-1) as string) as LogLine;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const startSession = (at: Awaited<ReturnType<typeof proxy>>) =>
  postJson(at, '/web/sessions', { redirectUrl: RETURN_URL });

describe('the log line of a failed request', () => {
  it('FaceID unreachable: upstream_unavailable, cause ECONNREFUSED with the address', async () => {
    const port = await closedPort();
    const at = await proxy({}, `http://127.0.0.1:${port}`);
    const response = await startSession(at);
    expect(response.status).toBe(503);
    expect(lastLine()).toMatchObject({
      route: 'web.sessions',
      action: 'ApplyWebVerificationBizTokenIntl',
      status: 503,
      code: 'upstream_unavailable',
      upstreamCode: null,
      cause: expect.stringContaining(`ECONNREFUSED 127.0.0.1:${port}`) as unknown as string,
    });
  });

  it("a wrong SecretKey: upstream_error with Tencent's AuthFailure code and RequestId", async () => {
    const at = await proxy({ credentials: { ...TEST_CREDENTIALS, secretKey: 'EXAMPLEwrongSecretKey0000000000000' } });
    const response = await startSession(at);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { upstreamCode: 'AuthFailure.SignatureFailure' } });
    const line = lastLine();
    expect(line).toMatchObject({ code: 'upstream_error', upstreamCode: 'AuthFailure.SignatureFailure' });
    expect(line.upstreamRequestId).toEqual(expect.any(String));
    expect(lines.join('\n')).not.toContain('EXAMPLEwrongSecretKey');
  });

  it('a hang: upstream_timeout, cause the deadline', async () => {
    const at = await proxy({ timeoutMs: 200 });
    await postJson(fetch, `${simulator.url}/__simulator/faults`, { action: '*', mode: 'hang', count: 1 });
    expect((await startSession(at)).status).toBe(504);
    expect(lastLine()).toMatchObject({ code: 'upstream_timeout', cause: expect.stringMatching(/deadline|timed out/) });
  });

  it('a reply that is not JSON: upstream_bad_response, cause says so', async () => {
    const at = await proxy();
    await postJson(fetch, `${simulator.url}/__simulator/faults`, { action: '*', mode: 'malformed-json', count: 1 });
    expect((await startSession(at)).status).toBe(502);
    expect(lastLine()).toMatchObject({ code: 'upstream_bad_response', cause: 'the body is not JSON' });
  });

  it('caller and configuration mistakes name their code, and no token or binding appears', async () => {
    const at = await proxy();
    const session = await startWebSession(at);
    const cases: [() => Response | Promise<Response>, number, string][] = [
      [() => postJson(at, '/web/sessions', { redirectUrl: 'https://elsewhere.example/' }), 400, 'redirect_not_allowed'],
      [() => postJson(at, '/web/sessions', {}, { origin: 'https://evil.example' }), 403, 'origin_not_allowed'],
      [() => postJson(at, '/web/results', { bizToken: session.bizToken, binding: 'x.y.z' }), 403, 'binding_invalid'],
      [
        () => postJson(at, '/sdk/results', { sdkToken: 'abc' }, { authorization: 'Bearer nope-nope-nope' }),
        401,
        'unauthorized',
      ],
      [() => postJson(at, '/nope', {}), 404, 'not_found'],
      [() => at('/web/results', { method: 'PUT' }), 405, 'method_not_allowed'],
    ];
    for (const [request, status, code] of cases) {
      const response = await request();
      expect(response.status, code).toBe(status);
      expect(lastLine(), code).toMatchObject({ status, code });
    }
    const log = lines.join('\n');
    for (const secret of [session.bizToken, session.binding, TEST_API_KEY]) expect(log).not.toContain(secret);
  });

  it('a served request has no failure fields', async () => {
    const at = await proxy();
    await startWebSession(at);
    expect(lastLine()).not.toHaveProperty('code');
  });
});
