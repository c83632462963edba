/**
 * The sandbox's binding secret kept in the ledger, so a restart (or another isolate) leaves in-flight flows
 * readable: `faceid-proxy` and `@faceid-verify/proxy/handler` both use it when FACEID_BINDING_SECRET is unset in
 * sandbox. Web APIs only.
 */
import type { Ledger } from './ledger.js';

/** Ledger key of the sandbox's binding secret. */
export const SANDBOX_BINDING_SECRET = 'sandbox-binding-secret';

/** 32 random bytes, base64 (44 characters). */
export function randomSecret(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

/**
 * The secret stored under SANDBOX_BINDING_SECRET, created (randomSecret) by the first caller.
 * @throws StoreUnavailableError when the store cannot be reached.
 */
export function sandboxBindingSecret(ledger: Ledger): Promise<string> {
  return ledger.getOrCreateSecret(SANDBOX_BINDING_SECRET, randomSecret);
}
