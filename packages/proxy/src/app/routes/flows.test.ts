// The ledger through the proxy's own routes, against the real simulator on loopback: a session start records the
// flow (with the integrator's reference), a browser read settles it once, later reads never reach FaceID, and the
// API-key routes read, page, redeliver and erase it.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLedger, type Ledger } from '../../ledger/ledger.js';
import type { FlowView } from '../../ledger/view.js';
import { createMemoryStore } from '../../store/memory.js';
import { createFaceIdProxy } from '../app.js';
import {
  APP_ORIGIN,
  finishOnHostedPage,
  postJson,
  startWebSession,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  testClock,
  testProxyOptions,
} from '../../../test/proxy-testing.js';

const clock = testClock();
let simulator: { url: string; close(): Promise<void> };
let ledger: Ledger;
let app: ReturnType<typeof createFaceIdProxy>;

const atProxy = (path: string, init: RequestInit) => app.request(`http://proxy.test${path}`, init);
const server = (path: string, init: RequestInit = {}, key = TEST_API_KEY) =>
  atProxy(path, { ...init, headers: { authorization: `Bearer ${key}`, ...init.headers } });

async function readCalls(): Promise<number> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  const { calls } = (await response.json()) as { calls: { action: string }[] };
  return calls.filter((call) => call.action === 'GetWebVerificationResultIntl').length;
}

/** A session started and finished on the hosted page with `outcome`; not yet read by anyone. */
async function finishedFlow(outcome = 'pass') {
  const session = await startWebSession(atProxy);
  await finishOnHostedPage(fetch, session.verificationUrl, outcome);
  return session;
}

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], now: clock.now, testControls: true });
});
afterAll(() => simulator?.close());
beforeEach(async () => {
  await fetch(`${simulator.url}/__simulator/reset`, { method: 'POST' });
  ledger = createLedger({ store: createMemoryStore(), now: clock.now });
  let visitor = 0;
  app = createFaceIdProxy(
    testProxyOptions(simulator.url, {
      now: clock.now,
      ledger,
      beforeSession: () => ({ reference: `user-${(visitor += 1)}`, extra: 'order-7' }),
    }),
  );
});

describe('session starts and browser reads', () => {
  it('a session start records a pending flow with the reference from beforeSession', async () => {
    const session = await startWebSession(atProxy);
    const response = await server(`/flows/${session.bizToken}`);
    expect(response.status).toBe(200);
    const flow = (await response.json()) as FlowView;
    expect(flow).toMatchObject({
      bizToken: session.bizToken,
      status: 'pending',
      reference: 'user-1',
      extra: 'order-7',
    });
    expect(flow.result).toBeNull();
    expect(Date.parse(flow.expiresAt)).toBeGreaterThan(clock.now());
  });

  it('a terminal flow read 10 times by the browser makes no upstream call after its verdict', async () => {
    const session = await finishedFlow('pass');
    const first = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    expect(await first.json()).toMatchObject({ status: 'passed' });
    const afterVerdict = await readCalls();
    expect(afterVerdict).toBe(1);
    for (let read = 0; read < 10; read += 1) {
      const again = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'passed', errorCode: 0 });
    }
    expect(await readCalls()).toBe(afterVerdict);
    expect((await ledger.get(session.bizToken))?.status).toBe('passed');
  });

  it('a read before the user finished leaves the flow pending (no verdict yet)', async () => {
    const session = await startWebSession(atProxy);
    const read = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    expect(read.status).toBe(200);
    expect((await ledger.get(session.bizToken))?.status).toBe('pending');
  });

  it('a failed liveness settles as failed and stays failed', async () => {
    const session = await finishedFlow('fail-liveness');
    const read = await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    expect(await read.json()).toMatchObject({ status: 'failed' });
    const flow = (await (await server(`/flows/${session.bizToken}`)).json()) as FlowView;
    expect(flow.status).toBe('failed');
    expect(flow.webhook).toMatchObject({ type: 'verification.failed', state: 'pending' });
  });
});

describe('GET /flows', () => {
  it('pages in creation order, filtered by status', async () => {
    const passed = await finishedFlow('pass');
    await postJson(atProxy, '/web/results', { bizToken: passed.bizToken, binding: passed.binding });
    const pending = [];
    for (let n = 0; n < 2; n += 1) {
      clock.advance(1000);
      pending.push(await startWebSession(atProxy));
    }
    const first = (await (await server('/flows?limit=2')).json()) as { flows: FlowView[]; next: string | null };
    expect(first.flows.map((flow) => flow.bizToken)).toEqual([passed.bizToken, pending[0]!.bizToken]);
    expect(first.next).toBe(pending[0]!.bizToken);
    const second = (await (await server(`/flows?limit=2&after=${first.next}`)).json()) as {
      flows: FlowView[];
      next: string | null;
    };
    expect(second).toMatchObject({ flows: [{ bizToken: pending[1]!.bizToken }], next: null });
    const onlyPassed = (await (await server('/flows?status=passed')).json()) as { flows: FlowView[] };
    expect(onlyPassed.flows.map((flow) => flow.bizToken)).toEqual([passed.bizToken]);
  });

  it.each([
    ['status=done', 'status'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['after=%3Cscript%3E', 'after'],
    ['sort=desc', 'sort'],
  ])('?%s → 400 invalid_request naming %s', async (query, name) => {
    const response = await server(`/flows?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(`"${name}"`);
  });

  it('needs the API key: none → 401, a wrong one → 401, never from a browser origin with CORS', async () => {
    expect((await atProxy('/flows', {})).status).toBe(401);
    expect((await server('/flows', {}, 'EXAMPLE-wrong-api-key-000000000000')).status).toBe(401);
    const browser = await atProxy('/flows', { headers: { origin: APP_ORIGIN } });
    expect(browser.status).toBe(401);
    expect(browser.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('one flow', () => {
  it('an unknown BizToken → 404 not_found; a malformed one → 400', async () => {
    const unknown = await server('/flows/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await server('/flows/not%20a%20token')).status).toBe(400);
    expect((await server('/flows/00000000-0000-4000-8000-000000000000', { method: 'DELETE' })).status).toBe(404);
  });

  it('redeliver: 404 while pending; 202 with the same webhook-id once terminal', async () => {
    const session = await finishedFlow('pass');
    const early = await server(`/flows/${session.bizToken}/redeliver`, { method: 'POST' });
    expect(early.status).toBe(404);
    expect(((await early.json()) as { error: { message: string } }).error.message).toContain('pending');
    await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    const before = (await ledger.get(session.bizToken))!.webhook!;
    const response = await server(`/flows/${session.bizToken}/redeliver`, { method: 'POST' });
    expect(response.status).toBe(202);
    const flow = (await response.json()) as FlowView;
    expect(flow.webhook).toMatchObject({ id: before.id, state: 'pending' });
  });

  it('DELETE erases result, reference and extra and keeps a tombstone; the status stays', async () => {
    const session = await finishedFlow('pass');
    await postJson(atProxy, '/web/results', { bizToken: session.bizToken, binding: session.binding });
    const response = await server(`/flows/${session.bizToken}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    const erased = (await response.json()) as FlowView;
    expect(erased).toMatchObject({ status: 'passed', result: null, reference: null, extra: null });
    expect(erased.erasedAt).not.toBeNull();
    const again = (await (await server(`/flows/${session.bizToken}`)).json()) as FlowView;
    expect(again.erasedAt).toBe(erased.erasedAt);
  });
});
