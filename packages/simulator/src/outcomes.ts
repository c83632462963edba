/**
 * What each outcome records: the final H5 `ErrorCode` and the attempts of `VerificationDetailList`
 * (codes from faceid-api.md §5.5). Values are fixed so tests and demos see the same result every time.
 */
import type { Outcome } from './types.js';

export const PASS_SIMILARITY = 92.47;
export const LOW_SIMILARITY = 41.37;
/** Gap between the failed first attempt and the passing one of a `pass`, ms. */
const RETRY_GAP_MS = 31_250;

export const H5_MESSAGES: Readonly<Record<number, string>> = {
  0: 'Success',
  1005: 'Liveness detection failed',
  1409: 'The verification process timed out',
  1410: 'The user quit the verification',
  2016: 'The similarity did not reach the passing standard',
};

/** One liveness + comparison attempt. Codes are H5 integers; null when that step did not run. */
export interface Attempt {
  errorCode: number;
  livenessErrorCode: number | null;
  compareErrorCode: number | null;
  similarity: number | null;
  /** ms since the epoch. */
  at: number;
  seq: string;
}

/** The recorded end of a flow. `errorCode` null = no verdict (`abandon`). */
export interface Verdict {
  outcome: Outcome;
  errorCode: number | null;
  attempts: Attempt[];
  finishedAt: number;
}

function attempt(
  errorCode: number,
  liveness: number | null,
  compare: number | null,
  similarity: number | null,
  at: number,
): Attempt {
  return {
    errorCode,
    livenessErrorCode: liveness,
    compareErrorCode: compare,
    similarity,
    at,
    seq: crypto.randomUUID(),
  };
}

/** Builds the verdict of `outcome` reached at `nowMs`. */
export function buildVerdict(outcome: Outcome, nowMs: number): Verdict {
  const base = { outcome, finishedAt: nowMs };
  switch (outcome) {
    case 'pass':
      return {
        ...base,
        errorCode: 0,
        attempts: [attempt(1005, 1005, null, null, nowMs - RETRY_GAP_MS), attempt(0, 0, 0, PASS_SIMILARITY, nowMs)],
      };
    case 'fail-liveness':
      return { ...base, errorCode: 1005, attempts: [attempt(1005, 1005, null, null, nowMs)] };
    case 'fail-compare':
      return { ...base, errorCode: 2016, attempts: [attempt(2016, 0, 2016, LOW_SIMILARITY, nowMs)] };
    case 'timeout':
      return { ...base, errorCode: 1409, attempts: [] };
    case 'quit':
      return { ...base, errorCode: 1410, attempts: [] };
    case 'abandon':
      return { ...base, errorCode: null, attempts: [] };
  }
}

/** H5 message of a code; `Success` for 0. */
export function h5Message(code: number | null): string | null {
  return code === null ? null : (H5_MESSAGES[code] ?? 'Verification failed');
}
