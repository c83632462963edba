/** Step 2 of TC3-HMAC-SHA256: credential scope and string to sign. */

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/**
 * `YYYY-MM-DD` of the UTC day containing `timestamp` (Unix seconds). A local date fails for hours every day.
 * @throws {RangeError} when `timestamp` is not a finite, non-negative integer.
 */
export function utcDate(timestamp: number): string {
  if (!Number.isInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`timestamp must be whole Unix seconds, got ${String(timestamp)}`);
  }
  // Every signature of a day shares its date: keep the last one (formatting a Date is a hot-path cost).
  const day = Math.floor(timestamp / 86_400);
  if (day !== lastDay) {
    lastDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastDate;
}
let lastDay = -1;
let lastDate = '';

/** `<date>/<service>/tc3_request`. */
export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

/** `TC3-HMAC-SHA256\n<timestamp>\n<scope>\n<hex sha256 of the canonical request>`. */
export function buildStringToSign(timestamp: number, scope: string, hashedCanonicalRequest: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${scope}\n${hashedCanonicalRequest}`;
}
