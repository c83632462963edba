/**
 * The flow ledger as `faceid-proxy` and `@faceid-verify/proxy/handler` both build it from their variables, and
 * the binding secret the app then uses. Web APIs only.
 */
import type { FaceIdProxyOptions } from '../app/types.js';
import { DEFAULT_READ_BACKOFF_MS } from './backoff.js';
import { createLedger, type Ledger } from './ledger.js';
import { sandboxBindingSecret } from './sandbox-secret.js';
import type { FlowStore } from './types.js';

/**
 * Creates the ledger on `store` (FACEID_RETENTION_DAYS; a flow's first re-read after 15 s, or one reconcile
 * interval when that is shorter, then doubling) and returns `options` with the sandbox's binding secret kept in
 * it when FACEID_BINDING_SECRET is unset in sandbox.
 * @throws StoreUnavailableError when the secret cannot be read or stored.
 */
export async function ledgerForProxy<O extends Pick<FaceIdProxyOptions, 'sandbox' | 'bindingSecret'>>(
  store: FlowStore,
  settings: { retentionDays: number; reconcileIntervalMs: number },
  options: O,
): Promise<{ ledger: Ledger; options: O }> {
  const readBackoffMs = Math.min(DEFAULT_READ_BACKOFF_MS, settings.reconcileIntervalMs);
  const ledger = createLedger({ store, retentionDays: settings.retentionDays, readBackoffMs });
  if (options.sandbox !== true || options.bindingSecret !== undefined) return { ledger, options };
  return { ledger, options: { ...options, bindingSecret: await sandboxBindingSecret(ledger) } };
}
