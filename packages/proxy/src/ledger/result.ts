/** The part of a normalised result the ledger keeps: never media (video, best frame, OCR). */
import type { LedgerResult } from './types.js';

/** Any normalised WebVerificationResult (media fields allowed; they are dropped). */
export type ReadResult = Omit<LedgerResult, 'status'> & { status: LedgerResult['status'] };

/** Copies the fields the ledger stores, field by field, so media added to a result never reaches the store. */
export function toLedgerResult(result: ReadResult): LedgerResult {
  return {
    status: result.status,
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
    similarity: result.similarity,
    attempts: result.attempts.map(({ errorCode, livenessErrorCode, compareErrorCode, similarity, at }) => ({
      errorCode,
      livenessErrorCode,
      compareErrorCode,
      similarity,
      at,
    })),
    extra: result.extra,
    requestId: result.requestId,
  };
}
