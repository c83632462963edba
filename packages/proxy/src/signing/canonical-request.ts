/**
 * Step 1 of TC3-HMAC-SHA256: the canonical request.
 * Source: Tencent Cloud API 3.0 "Signature v3", as implemented by `tencentcloud-sdk-nodejs-common` `Sign.sign3`.
 */

/** The headers Tencent's SDKs sign: always exactly these two. */
export const TC3_SIGNED_HEADERS = 'content-type;host';

export interface CanonicalRequestInput {
  /** HTTP method, upper case. Default `POST`. */
  method?: string;
  /** Path, `/` for every FaceID call. */
  path?: string;
  /** Query string without `?`; empty for POST. */
  query?: string;
  /**
   * Signed headers by lower-case name, values exactly as sent (the SDK neither trims nor lowercases them).
   * For an SDK-style request: `{ 'content-type': contentType, host: hostnameWithoutPort }`.
   */
  headers: Readonly<Record<string, string>>;
  /** Lowercase hex SHA-256 of the exact body bytes. */
  hashedPayload: string;
}

/** `content-type;host`-style list: lower-case names, sorted, joined by `;`. */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort()
    .join(';');
}

/**
 * Builds `METHOD\nPATH\nQUERY\ncanonical headers\n\nsigned headers\nhashed payload`.
 * Each canonical header line is `name:value\n`, names lower-cased and sorted.
 */
export function buildCanonicalRequest(input: CanonicalRequestInput): string {
  const names = Object.keys(input.headers);
  const entries = names.map((name) => [name.toLowerCase(), input.headers[name] ?? ''] as const);
  if (entries.length > 1) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let canonicalHeaders = '';
  for (const [name, value] of entries) canonicalHeaders += `${name}:${value}\n`;
  const signedHeaders = entries.map(([name]) => name).join(';');
  const { method = 'POST', path = '/', query = '', hashedPayload } = input;
  return `${method}\n${path}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${hashedPayload}`;
}
