// The demo's flow ledger: a SQLite file in a temporary folder of its own, removed on exit. Not in the pages'
// folder, which is served as static files: the ledger holds every flow's reference and result.
import { createLedger } from '@faceid-verify/proxy/ledger';
import { createSqliteStore } from '@faceid-verify/proxy/store/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Opens (and migrates) a fresh SQLite ledger.
 * @returns {Promise<{ ledger: import('@faceid-verify/proxy/ledger').Ledger, file: string, close(): Promise<void> }>}
 *   `file` is the database's absolute path; `close()` closes it and deletes its folder.
 * @throws the driver's error when the file cannot be created or migrated (the folder is removed first).
 */
export async function openDemoLedger() {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-verify-demo-flows-'));
  const file = join(dir, 'faceid-flows.db');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let store;
  try {
    store = await createSqliteStore({ url: `file:${file}` });
  } catch (error) {
    remove();
    throw error;
  }
  const opened = store;
  // The real clock, not the test controls' one: webhook signatures carry it, and receivers check it (±5 min).
  return {
    ledger: createLedger({ store: opened }),
    file,
    close: async () => {
      await opened.close();
      remove();
    },
  };
}
