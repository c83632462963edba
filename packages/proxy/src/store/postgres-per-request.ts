/**
 * A PostgreSQL client whose connections belong to one request, for Cloudflare Workers: a socket opened while
 * handling one request cannot be used by another ("Cannot perform I/O on behalf of a different request"), so a
 * pool kept across requests fails from the second one on. `run(fn)` gives `fn` (and everything it awaits) its
 * own `postgres` client, made on the first query (at most `max` connections) and ended after `fn` settles;
 * `client` forwards each query to the client of the run it is called in. Needs `node:async_hooks`
 * (Workers: `nodejs_compat`). Each run connects anew: put a pooler near the database for many requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import postgres, { type Sql } from 'postgres';
import type { FlowStore } from '../ledger/types.js';
import { postgresStoreOn, type PostgresClient, type PostgresStoreOptions } from './postgres.js';

export interface PerRequestPostgres {
  /** Stand-in for a `postgres` client: `unsafe` and `begin` go to the current run's client; `end` does nothing. */
  client: PostgresClient;
  /** The migrated store on `client` (postgresStoreOn); call it inside `run`. */
  openStore(): Promise<FlowStore>;
  /**
   * Runs `fn` with a client of its own and ends that client after it (hand the end to `waitUntil` so the
   * runtime keeps the request alive until the connections are closed).
   */
  run<T>(fn: () => Promise<T>, waitUntil?: (promise: Promise<unknown>) => void): Promise<T>;
}

interface Scope {
  sql?: Sql;
}

/** @throws {Error} from `client`'s methods when called outside `run`. */
export function perRequestPostgres(options: Omit<PostgresStoreOptions, 'now'>): PerRequestPostgres {
  const scopes = new AsyncLocalStorage<Scope>();
  const current = (): Sql => {
    const scope = scopes.getStore();
    if (scope === undefined) throw new Error('PostgreSQL used outside a request (perRequestPostgres.run)');
    scope.sql ??= postgres(options.url, {
      max: options.max ?? 4,
      connect_timeout: options.connectTimeoutSeconds ?? 5,
      onnotice: () => {},
    });
    return scope.sql;
  };
  const client = {
    unsafe: (...args: Parameters<Sql['unsafe']>) => current().unsafe(...args),
    begin: (...args: [never]) => current().begin(...args),
    end: async () => undefined,
  } as unknown as PostgresClient;
  return {
    client,
    openStore: () => postgresStoreOn(client),
    run: async (fn, waitUntil) => {
      const scope: Scope = {};
      try {
        return await scopes.run(scope, fn);
      } finally {
        const ending = scope.sql?.end({ timeout: 5 }).catch(() => undefined);
        if (ending) waitUntil?.(ending);
      }
    },
  };
}
