import { createClient } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sampleFlow } from '../../test/flows.js';
import { MIGRATIONS } from './sql/migrations.js';
import { createSqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'faceid-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps its data and applies each migration once across restarts of the same file', async () => {
  const url = `file:${join(dir, 'flows.db')}`;
  for (let start = 0; start < 3; start += 1) {
    const store = await createSqliteStore({ url });
    await store.insertFlow(sampleFlow(start, 0), start, 0);
    expect((await store.listFlows({ limit: 10 })).map((flow) => flow.reference)).toEqual(
      Array.from({ length: start + 1 }, (_, i) => `user-${i}`),
    );
    await store.close();
  }
  const client = createClient({ url });
  const { rows } = await client.execute('SELECT version, name FROM faceid_migrations ORDER BY version');
  const journal = await client.execute('PRAGMA journal_mode');
  client.close();
  expect(rows.map(({ version, name }) => ({ version, name }))).toEqual(
    MIGRATIONS.map(({ version, name }) => ({ version, name })),
  );
  expect(journal.rows[0]?.journal_mode).toBe('wal');
});

it('names the file it cannot open', async () => {
  await expect(createSqliteStore({ url: `file:${join(dir, 'missing', 'dir', 'flows.db')}` })).rejects.toThrow();
});
