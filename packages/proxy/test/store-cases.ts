/**
 * The store cases every ledger/outbox test runs against: memory, a real SQLite file and a real PostgreSQL
 * (started for the test file, a fresh database per store). `describeStores` wraps Vitest's describe.each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FlowStore } from '../src/ledger/types.js';
import { createMemoryStore } from '../src/store/memory.js';
import { createPostgresStore } from '../src/store/postgres.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import { startPostgres, type TestPostgres } from './postgres.js';

export interface StoreCase {
  name: 'memory' | 'sqlite' | 'postgres';
  /** A new, empty, migrated store, closed after the file. */
  open(now?: () => number): Promise<FlowStore>;
  /** A second store on the same database as the last `open()` (a restart, or another instance); memory: none. */
  reopen?: (now?: () => number) => Promise<FlowStore>;
}

type Factory = (opened: FlowStore[]) => StoreCase & { setup(): Promise<void>; teardown(): Promise<void> };

const track = async (opened: FlowStore[], store: Promise<FlowStore>) => {
  const ready = await store;
  opened.push(ready);
  return ready;
};

const FACTORIES: Factory[] = [
  (opened) => ({
    name: 'memory',
    open: () => track(opened, Promise.resolve(createMemoryStore())),
    setup: async () => {},
    teardown: async () => {},
  }),
  (opened) => {
    let dir = '';
    let files = 0;
    let last = '';
    return {
      name: 'sqlite',
      open: (now) => {
        last = `file:${join(dir, `flows-${(files += 1)}.db`)}`;
        return track(opened, createSqliteStore({ url: last, ...(now && { now }) }));
      },
      reopen: (now) => track(opened, createSqliteStore({ url: last, ...(now && { now }) })),
      setup: async () => {
        dir = mkdtempSync(join(tmpdir(), 'faceid-sqlite-'));
      },
      teardown: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  (opened) => {
    let server: TestPostgres | undefined;
    let last = '';
    return {
      name: 'postgres',
      open: async (now) => {
        last = await server!.database();
        return track(opened, createPostgresStore({ url: last, ...(now && { now }) }));
      },
      reopen: (now) => track(opened, createPostgresStore({ url: last, ...(now && { now }) })),
      setup: async () => {
        server = await startPostgres();
      },
      teardown: async () => server?.stop(),
    };
  },
];

/** Runs `suite` once per store case, with the case's server started before and stopped after. */
export function describeStores(name: string, suite: (store: StoreCase) => void): void {
  describe.each(FACTORIES.map((factory) => ({ factory, name: factory([]).name })))(`${name} ($name)`, ({ factory }) => {
    const opened: FlowStore[] = [];
    const storeCase = factory(opened);
    beforeAll(() => storeCase.setup(), 60_000);
    afterAll(async () => {
      await Promise.allSettled(opened.map((store) => store.close()));
      await storeCase.teardown();
    });
    suite(storeCase);
  });
}
