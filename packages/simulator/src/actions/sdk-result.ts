/**
 * App-SDK result codes (faceid-api.md §5.4): strings, `"-999"` while unfinished. The App-SDK table has no
 * timeout or quit code, so those outcomes (and `abandon`) read as `"-999"` until the SdkToken expires.
 */
import type { Flow } from '../store.js';

export const UNFINISHED_RESULT = '-999';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  '0': 'Success',
  '1005': 'Liveness failed',
  '2016': 'The similarity did not reach the passing standard',
  [UNFINISHED_RESULT]: "The verification process wasn't finished.",
};

/** `Result` string of the flow's verdict. */
export function sdkResult(flow: Flow): string {
  const code = flow.verdict?.errorCode;
  return code === 0 || code === 1005 || code === 2016 ? String(code) : UNFINISHED_RESULT;
}

export function sdkDescription(code: string): string {
  return DESCRIPTIONS[code] ?? 'Verification failed';
}
