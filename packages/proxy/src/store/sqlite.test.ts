import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, expect, it } from 'vitest';
import { sampleFlow } from '../../test/flows.js';
import { MIGRATIONS } from './sql/migrations.js';
import { createSqliteStore, sqlitePath } from './sqlite.js';

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
  const db = new Database(join(dir, 'flows.db'));
  const rows = db.prepare('SELECT version, name FROM faceid_migrations ORDER BY version').all();
  const journal = db.prepare('PRAGMA journal_mode').all()[0];
  db.close();
  expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  expect(journal).toEqual({ journal_mode: 'wal' });
});

it('names the file it cannot open', async () => {
  const path = join(dir, 'missing', 'dir', 'flows.db');
  await expect(createSqliteStore({ url: `file:${path}` })).rejects.toThrow(`SQLite: cannot open ${path}`);
});

it('reads file:PATH, file:///absolute and :memory: URLs, and refuses others', () => {
  expect(sqlitePath('file:./faceid-flows.db')).toBe('./faceid-flows.db');
  expect(sqlitePath('file:///var/lib/faceid/flows.db')).toBe('/var/lib/faceid/flows.db');
  expect(sqlitePath('file:///var/lib/my%20flows.db')).toBe('/var/lib/my flows.db');
  expect(sqlitePath('file:///C:/faceid/flows.db')).toBe('C:/faceid/flows.db');
  expect(sqlitePath(':memory:')).toBe(':memory:');
  for (const url of ['file:', 'postgres://x/y', './flows.db']) expect(() => sqlitePath(url)).toThrow(TypeError);
});
