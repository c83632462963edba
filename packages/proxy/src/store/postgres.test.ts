import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleFlow } from '../../test/flows.js';
import { startPostgres, type TestPostgres } from '../../test/postgres.js';
import { StoreUnavailableError } from '../ledger/errors.js';
import { createLedger } from '../ledger/ledger.js';
import { MIGRATIONS } from './sql/migrations.js';
import { createPostgresStore } from './postgres.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server.stop());

async function migrationRows(url: string) {
  const sql = postgres(url, { max: 1 });
  try {
    return await sql`SELECT version, name FROM faceid_migrations ORDER BY version`;
  } finally {
    await sql.end();
  }
}

it('migrates once when several instances start together, and not again on restart', async () => {
  const url = await server.database();
  const stores = await Promise.all([1, 2, 3].map(() => createPostgresStore({ url, max: 2 })));
  await stores[0]!.insertFlow(sampleFlow(1, 0), 0, 0);
  await Promise.all(stores.map((store) => store.close()));
  const restarted = await createPostgresStore({ url });
  expect((await restarted.getFlow(sampleFlow(1, 0).bizToken))?.status).toBe('pending');
  await restarted.close();
  expect([...(await migrationRows(url))]).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
});

it('throws StoreUnavailableError while the database is down and recovers when it is back', async () => {
  const url = await server.database();
  const store = await createPostgresStore({ url, connectTimeoutSeconds: 2 });
  const ledger = createLedger({ store });
  try {
    await ledger.recordStarted(sampleFlow(1, Date.now()));
    await server.down();
    const refused = ledger.recordStarted(sampleFlow(2, Date.now()));
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(refused).rejects.toMatchObject({ code: 'store_unavailable', retryable: true });
    await expect(ledger.get(sampleFlow(1, 0).bizToken)).rejects.toBeInstanceOf(StoreUnavailableError);
    await server.up();
    await ledger.recordStarted(sampleFlow(3, Date.now()));
    expect((await ledger.get(sampleFlow(1, 0).bizToken))?.status).toBe('pending');
    expect(await ledger.get(sampleFlow(2, 0).bizToken)).toBeNull();
    expect((await ledger.get(sampleFlow(3, 0).bizToken))?.status).toBe('pending');
  } finally {
    await store.close();
  }
});
