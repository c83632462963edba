/**
 * The durable side of `@faceid-verify/proxy/handler` (FACEID_DATABASE_URL=postgres://…): a PostgreSQL store, the
 * flow ledger on it and the proxy app on the ledger, built once and shared by every request and Cron Trigger that
 * brings the same variables. The store's module is imported only here, on the first use, so a Worker without a
 * database never loads the driver. Web APIs only; the driver needs `node:` modules (Workers: `nodejs_compat`).
 */
import { createFaceIdProxy } from './app/index.js';
import type { FaceIdProxyOptions } from './app/types.js';
import type { DatabaseUrl, LedgerEnv } from './config/ledger-env.js';
import { ledgerForProxy } from './ledger/for-proxy.js';
import type { Ledger } from './ledger/ledger.js';
import type { FlowStore } from './ledger/types.js';

export type WaitUntil = (promise: Promise<unknown>) => void;

/** The ledger's settings with a PostgreSQL database (the handler's only durable store). */
export type DurableSettings = LedgerEnv & { database: Extract<DatabaseUrl, { kind: 'postgres' }> };

export interface DurableProxy {
  app: ReturnType<typeof createFaceIdProxy>;
  ledger: Ledger;
  settings: DurableSettings;
  /**
   * Runs `fn` with database connections it may use: on Workers its own (store/postgres-per-request.ts; their
   * close goes to `waitUntil`), elsewhere the shared pool.
   */
  run<T>(fn: () => Promise<T>, waitUntil?: WaitUntil): Promise<T>;
}

/**
 * What the handler uses of the store modules. They are built by the Node project (they import the driver and
 * `node:` modules), so they are imported by a name TypeScript does not follow; handler.cron.test.ts checks that
 * the modules still have these shapes.
 */
export interface StoreModules {
  /** store/postgres-per-request.ts */
  perRequest: {
    perRequestPostgres(options: { url: string }): { run: DurableProxy['run']; openStore(): Promise<FlowStore> };
  };
  /** store/postgres.ts */
  pooled: { createPostgresStore(options: { url: string }): Promise<FlowStore> };
}

/**
 * Opens (and migrates) the store, creates the ledger as `faceid-proxy` does (ledger/for-proxy.ts: the sandbox's
 * binding secret kept in it when FACEID_BINDING_SECRET is unset), then creates the app.
 * @param perRequest connections per request (Cloudflare Workers), else one pool.
 * @throws the driver's error when PostgreSQL cannot be reached or migrated; StoreUnavailableError for the secret.
 */
export async function openDurableProxy(
  options: FaceIdProxyOptions,
  settings: DurableSettings,
  { perRequest, waitUntil }: { perRequest: boolean; waitUntil?: WaitUntil | undefined },
): Promise<DurableProxy> {
  const { url } = settings.database;
  let run: DurableProxy['run'] = (fn) => fn();
  let open: () => Promise<FlowStore>;
  if (perRequest) {
    const {
      perRequestPostgres,
    } = // A literal once compiled, so esbuild and wrangler bundle it; `as string` so tsc does not follow it.
      (await import('./store/postgres-per-request.js' as string)) as StoreModules['perRequest'];
    const scoped = perRequestPostgres({ url });
    run = scoped.run;
    open = scoped.openStore;
  } else {
    const { createPostgresStore } = (await import('./store/postgres.js' as string)) as StoreModules['pooled'];
    open = () => createPostgresStore({ url });
  }
  return run(async () => {
    const { ledger, options: withSecret } = await ledgerForProxy(await open(), settings, options);
    const app = createFaceIdProxy({ ...withSecret, ledger });
    return { app, ledger, settings, run };
  }, waitUntil);
}
