/** Sample flows and normalised results for the ledger tests (invented BizTokens, no real data). */
import type { ReadResult } from '../src/ledger/result.js';
import type { NewFlow } from '../src/ledger/types.js';

const HOUR = 3600 * 1000;

export function sampleFlow(n: number, now: number, overrides: Partial<NewFlow> = {}): NewFlow {
  return {
    bizToken: `E${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
    flow: 'web',
    region: 'ap-singapore',
    reference: `user-${n}`,
    extra: `order-${n}`,
    expiresAt: now + 2 * HOUR,
    ...overrides,
  };
}

/** A normalised read; media fields included to prove the ledger drops them. */
export function sampleResult(status: ReadResult['status'], errorCode: number | null, requestId = 'req-1'): ReadResult {
  return Object.assign(
    {
      status,
      errorCode,
      errorMessage: errorCode === 0 ? 'Success' : errorCode === null ? null : `code ${errorCode}`,
      similarity: errorCode === 0 ? 91.5 : null,
      attempts:
        errorCode === null
          ? []
          : [
              {
                errorCode,
                livenessErrorCode: 0,
                compareErrorCode: errorCode,
                similarity: 91.5,
                at: '2026-12-02T06:00:00.000Z',
              },
            ],
      extra: 'order-1',
      requestId,
    },
    { videoBase64: 'AAAA', bestFrameBase64: 'BBBB', ocr: [{ Name: 'x' }] },
  );
}
