/**
 * Checks shared by the proxy's options and the FaceID client's (`createFaceIdClient`): one rule per option,
 * reported through the caller's `fail(option, detail)` so each names the option in its own words.
 */

export type Fail = (option: string, detail: string) => never;

/** Extra attempts of a result read at most. */
export const MAX_RETRIES = 10;
// Tencent region IDs: `ap-singapore`, `sa-saopaulo`, `na-siliconvalley`, `eu-frankfurt`, …
const REGION = /^[a-z]{2,4}(?:-[a-z0-9]+)+$/;

/** `{ secretId, secretKey, sessionToken? }` with non-empty strings, or a provider function. */
export function checkCredentials(credentials: unknown, fail: Fail): void {
  if (typeof credentials === 'function') return;
  const { secretId, secretKey, sessionToken } = (credentials ?? {}) as Record<string, unknown>;
  if (typeof secretId !== 'string' || secretId === '') fail('credentials.secretId', 'must be a non-empty string');
  if (typeof secretKey !== 'string' || secretKey === '') fail('credentials.secretKey', 'must be a non-empty string');
  if (sessionToken !== undefined && typeof sessionToken !== 'string') {
    fail('credentials.sessionToken', 'must be a string');
  }
}

/** A Tencent region ID such as `ap-singapore`. */
export function checkRegionId(region: unknown, fail: Fail): void {
  if (typeof region !== 'string' || !REGION.test(region))
    fail('region', 'must be a Tencent region ID such as ap-singapore');
}

/** A positive number of milliseconds. */
export function checkTimeout(option: string, value: unknown, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(option, 'must be a positive number of milliseconds');
  }
  return value;
}

/** An integer from 0 to MAX_RETRIES. */
export function checkRetries(retries: unknown, fail: Fail): void {
  if (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
    fail('retries', `must be an integer from 0 to ${MAX_RETRIES}`);
  }
}

/** Parses an endpoint: http or https, no credentials, path `/`, no query or fragment. */
export function parseEndpoint(endpoint: string | URL | undefined, fail: Fail): URL | undefined {
  if (endpoint === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return fail('endpoint', 'must be an absolute URL (http or https)');
  }
  const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  if (!/^https?:$/.test(url.protocol) || !plain || url.pathname !== '/') {
    fail('endpoint', 'must be http(s)://host[:port] with path / and no credentials, query or fragment');
  }
  return url;
}
