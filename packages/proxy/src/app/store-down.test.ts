// The flow store going away under a running proxy, with a real PostgreSQL the test stops and starts again: while
// it is down, session starts answer 503 `store_unavailable` (retryable) and reads of recorded flows too, so no
// flow is ever answered that is not recorded; once it is back the same app records and reads again, and the
// flows recorded before the outage are all there.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/postgres.js';
import { createLedger, type Ledger } from '../ledger/ledger.js';
import type { FlowStore } from '../ledger/types.js';
import { createPostgresStore } from '../store/postgres.js';
import { createFaceIdProxy } from './app.js';
import {
  finishOnHostedPage,
  postJson,
  RETURN_URL,
  startWebSession,
  TEST_CREDENTIALS,
  testProxyOptions,
} from '../../test/proxy-testing.js';

let simulator: { url: string; close(): Promise<void> };
let postgres: TestPostgres;
let store: FlowStore;
let ledger: Ledger;
let app: ReturnType<typeof createFaceIdProxy>;
const atProxy = (path: string, init: RequestInit) => app.request(`http://proxy.test${path}`, init);

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS], testControls: true });
  postgres = await startPostgres();
  store = await createPostgresStore({ url: await postgres.database() });
  ledger = createLedger({ store });
  app = createFaceIdProxy(testProxyOptions(simulator.url, { ledger }));
}, 60_000);
afterAll(async () => {
  await store?.close();
  await postgres?.stop();
  await simulator?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; retryable: boolean } }).error;
}

describe('PostgreSQL down, then back', () => {
  it('refuses with 503 store_unavailable while down and recovers when it returns', async () => {
    const before = await startWebSession(atProxy);
    await postgres.down();
    try {
      const start = await postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL });
      expect(start.status).toBe(503);
      expect(await errorOf(start)).toMatchObject({ code: 'store_unavailable', retryable: true });
      const read = await postJson(atProxy, '/web/results', { bizToken: before.bizToken, binding: before.binding });
      expect(read.status).toBe(503);
      expect((await errorOf(read)).code).toBe('store_unavailable');
    } finally {
      await postgres.up();
    }
    // The driver reconnects by itself: the first requests after the restart may still see the old connection.
    await expect
      .poll(async () => (await postJson(atProxy, '/web/sessions', { redirectUrl: RETURN_URL })).status, {
        timeout: 15_000,
        interval: 250,
      })
      .toBe(201);
    const after = await startWebSession(atProxy);
    await finishOnHostedPage(fetch, after.verificationUrl, 'pass');
    const read = await postJson(atProxy, '/web/results', { bizToken: after.bizToken, binding: after.binding });
    expect(await read.json()).toMatchObject({ status: 'passed' });
    expect((await ledger.get(before.bizToken))?.status).toBe('pending');
    expect((await ledger.get(after.bizToken))?.status).toBe('passed');
  }, 60_000);
});
