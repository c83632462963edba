import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFlow } from '../../test/flows.js';
import { LedgerConfigError } from '../ledger/errors.js';
import { parseDatabaseUrl, storeFromUrl } from './store-from-url.js';

const dir = mkdtempSync(join(tmpdir(), 'faceid-url-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDatabaseUrl', () => {
  it('reads file: and postgres:// URLs', () => {
    expect(parseDatabaseUrl('file:./faceid-flows.db')).toEqual({
      kind: 'sqlite',
      url: 'file:./faceid-flows.db',
      path: './faceid-flows.db',
    });
    expect(parseDatabaseUrl('file:///var/lib/faceid/flows.db')).toMatchObject({ path: '/var/lib/faceid/flows.db' });
    expect(parseDatabaseUrl('postgres://faceid:pw@db.internal:5432/faceid').kind).toBe('postgres');
    expect(parseDatabaseUrl('postgresql://db.internal/faceid').kind).toBe('postgres');
  });

  it('names FACEID_DATABASE_URL for anything else, without echoing a password', () => {
    for (const value of ['', 'flows.db', 'file:', 'file://host/flows.db', 'mysql://db/x', 'postgres://:secretpw@/db']) {
      let thrown: unknown;
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LedgerConfigError);
      expect((thrown as LedgerConfigError).variable).toBe('FACEID_DATABASE_URL');
      expect((thrown as Error).message).not.toContain('secretpw');
    }
  });
});

describe('storeFromUrl', () => {
  it('opens a migrated SQLite store for file:PATH', async () => {
    const store = await storeFromUrl(`file:${join(dir, 'flows.db')}`);
    await store.insertFlow(sampleFlow(1, 0), 0, 0);
    expect((await store.getFlow(sampleFlow(1, 0).bizToken))?.status).toBe('pending');
    await store.close();
  });
});
