/**
 * RedirectURL allowlist (security rule 2). A caller's `redirectUrl` passes only when, with its query and
 * fragment cut off, it is byte-for-byte the canonical form of a configured return URL: scheme, host, port and
 * path equal. No parsing of the caller's string decides anything, so userinfo, backslashes, encoded or
 * look-alike hosts, trailing dots, dot segments, default-port spellings and `//host` all fail by inequality.
 */

/** Printable ASCII without space: control characters (CR/LF, tab, NUL) and non-ASCII never pass. */
const SAFE_URL_TEXT = /^[\x21-\x7e]+$/;
/** Longest RedirectURL accepted, in characters. */
export const MAX_REDIRECT_URL_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Canonical `scheme://host[:port]/path` of a configured return URL.
 * @throws Error when the URL is not absolute http(s), has userinfo, or is http on a non-loopback host.
 */
export function canonicalReturnUrl(configured: string): string {
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`"${configured}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`"${configured}" is not http(s)`);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`"${configured}" must use https (http only for localhost)`);
  }
  if (url.username !== '' || url.password !== '') throw new Error(`"${configured}" must not contain userinfo`);
  if (url.hostname.endsWith('.')) throw new Error(`"${configured}" must not end its host with a dot`);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Builds the matcher for a list of configured return URLs.
 * The matcher returns the RedirectURL to send to FaceID (the canonical configured URL), or null when refused.
 */
export function createRedirectMatcher(configured: readonly string[]): (candidate: string) => string | null {
  const allowed = new Set(configured.map(canonicalReturnUrl));
  return (candidate) => {
    if (candidate.length > MAX_REDIRECT_URL_LENGTH || !SAFE_URL_TEXT.test(candidate)) return null;
    const cut = candidate.search(/[?#]/);
    const base = cut === -1 ? candidate : candidate.slice(0, cut);
    if (allowed.has(base)) return base;
    // `https://app.example.com` and `https://app.example.com/` name the same root path.
    if (allowed.has(`${base}/`) && /^https?:\/\/[^/]+$/.test(base)) return `${base}/`;
    return null;
  };
}
