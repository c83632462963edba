/** Pieces shared by the two web result actions: the verdict and `VerificationDetailList` (faceid-api.md §3.1). */
import { h5Message, type Attempt } from '../outcomes.js';
import type { Flow } from '../store.js';

/** One `VerificationDetail`; codes are integers, a step that did not run is null. */
export function verificationDetail(attempt: Attempt): Record<string, unknown> {
  return {
    ErrorCode: attempt.errorCode,
    ErrorMsg: h5Message(attempt.errorCode),
    LivenessErrorCode: attempt.livenessErrorCode,
    LivenessErrorMsg: h5Message(attempt.livenessErrorCode),
    CompareErrorCode: attempt.compareErrorCode,
    CompareErrorMsg: h5Message(attempt.compareErrorCode),
    ReqTimestamp: attempt.at,
    Similarity: attempt.similarity,
    Seq: attempt.seq,
  };
}

/** `ErrorCode`, `ErrorMsg` and `VerificationDetailList`; an unfinished flow has null codes and no attempts. */
export function webVerdictFields(flow: Flow): {
  ErrorCode: number | null;
  ErrorMsg: string | null;
  VerificationDetailList: unknown[];
} {
  const code = flow.verdict?.errorCode ?? null;
  return {
    ErrorCode: code,
    ErrorMsg: h5Message(code),
    VerificationDetailList: (flow.verdict?.attempts ?? []).map(verificationDetail),
  };
}

/** True when the last attempt recorded a video (the flow reached liveness). */
export function hasMedia(flow: Flow): boolean {
  return (flow.verdict?.attempts.length ?? 0) > 0;
}
