/** Errors of the flow ledger. */

/**
 * The store could not be read or written (database down, disk full, lock timeout). Routes answer
 * 503 `store_unavailable`, retryable: no session is answered unless its flow is recorded.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly code = 'store_unavailable';
  readonly retryable = true;

  constructor(operation: string, cause: unknown) {
    super(`The flow store is unavailable (${operation}): ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** A configuration value is malformed; `variable` names it (e.g. `FACEID_WEBHOOK_SECRET`). */
export class LedgerConfigError extends Error {
  override name = 'LedgerConfigError';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** Runs one store call, turning any failure into StoreUnavailableError. */
export async function guarded<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(operation, error);
  }
}
