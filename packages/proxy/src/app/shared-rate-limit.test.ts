// The inbound rate limit on PostgreSQL (a real server, started for this file): two proxy apps on one database
// stand for two instances behind a load balancer. Their counts add up per client (the trusted X-Forwarded-For
// address), one client's excess never locks out another, and API-key calls count in their own bucket.
import { serveSimulator } from '@faceid-verify/simulator/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/postgres.js';
import { createLedger } from '../ledger/ledger.js';
import type { FlowStore } from '../ledger/types.js';
import { createPostgresStore } from '../store/postgres.js';
import { createFaceIdProxy } from './app.js';
import { APP_ORIGIN, TEST_API_KEY, TEST_CREDENTIALS, testProxyOptions } from '../../test/proxy-testing.js';

let simulator: { url: string; close(): Promise<void> };
let postgres: TestPostgres;
const stores: FlowStore[] = [];
let apps: ReturnType<typeof createFaceIdProxy>[] = [];

beforeAll(async () => {
  simulator = await serveSimulator({ credentials: [TEST_CREDENTIALS] });
  postgres = await startPostgres();
  const url = await postgres.database();
  for (let i = 0; i < 2; i += 1) stores.push(await createPostgresStore({ url }));
  apps = stores.map((store) =>
    createFaceIdProxy(
      testProxyOptions(simulator.url, {
        ledger: createLedger({ store }),
        trustProxy: 1,
        rateLimit: { windowMs: 60_000, limit: 4 },
        serverRateLimit: { windowMs: 60_000, limit: 3 },
      }),
    ),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await postgres?.stop();
  await simulator?.close();
});

/** A browser read (bad binding: answered 403 without any upstream call) from `client` through instance `i`. */
const browser = (i: number, client: string) =>
  apps[i]!.request('http://proxy.test/web/results', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN, 'x-forwarded-for': client },
    body: JSON.stringify({ bizToken: '00000000-0000-4000-8000-000000000000', binding: 'x' }),
  });
const server = (i: number) =>
  apps[i]!.request('http://proxy.test/flows', {
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'x-forwarded-for': '203.0.113.9' },
  });

it('counts one client across instances: the 5th request is 429 with Retry-After, whichever instance gets it', async () => {
  const statuses = [];
  for (let n = 0; n < 5; n += 1) statuses.push((await browser(n % 2, '198.51.100.1')).status);
  expect(statuses.slice(0, 4).every((status) => status !== 429)).toBe(true);
  const refused = await browser(1, '198.51.100.1');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(statuses[4]).toBe(429);
  // Another client is not locked out.
  expect((await browser(0, '198.51.100.2')).status).not.toBe(429);
});

it('API-key calls have their own budget, shared across instances too', async () => {
  const statuses = [];
  for (let n = 0; n < 4; n += 1) statuses.push((await server(n % 2)).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  // The browser bucket of that same address is untouched.
  expect((await browser(1, '203.0.113.9')).status).not.toBe(429);
});
