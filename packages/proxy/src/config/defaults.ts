/**
 * Every default of the proxy's configuration, in one place: the options (`createFaceIdProxy`), the variables
 * (`optionsFromEnv`) and the Node server (`serveFaceIdProxy`) all read these names.
 */

/** `X-TC-Region` when none is given. */
export const DEFAULT_REGION = 'ap-singapore';
/** The web flow when none is given: ApplyWebVerificationBizTokenIntl / GetWebVerificationResultIntl. */
export const DEFAULT_FLOW = 'intl';
/** Shortest binding secret outside sandbox, bytes. */
export const MIN_BINDING_SECRET_BYTES = 32;
/** Shortest API key of the server-to-server routes, characters. */
export const MIN_API_KEY_LENGTH = 16;
/** Lifetime of a binding, ms (2 h, the legacy BizToken's lifetime). */
export const DEFAULT_BINDING_TTL_MS = 2 * 60 * 60 * 1000;
/** Time limit of one route's upstream work, ms (retries included). */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
/** Upstream calls in flight at most, per action. */
export const DEFAULT_MAX_CONCURRENCY = 16;
/** Upstream calls per second per action: headroom under FaceID's 20 (faceid-api.md §1.3), which counts arrivals. */
export const DEFAULT_UPSTREAM_RATE_PER_SECOND = 18;
/** Inbound limit per client of the browser routes. */
export const DEFAULT_RATE_LIMIT = { windowMs: 60_000, limit: 60 } as const;
/** Inbound limit per client of the API-key (server-to-server) calls: a backend polls more than a browser. */
export const DEFAULT_SERVER_RATE_LIMIT = { windowMs: 60_000, limit: 600 } as const;
/** Window of the `FACEID_RATE_LIMIT` / `FACEID_SERVER_RATE_LIMIT` variables (requests per minute), ms. */
export const RATE_LIMIT_WINDOW_MS = 60_000;
/** Reverse-proxy hops trusted for the client address (`X-Forwarded-For`): none. */
export const DEFAULT_TRUST_PROXY = 0;

/** The simulator's `DEMO_CREDENTIALS` (public, invented): what sandbox signs with when none are set. */
export const SANDBOX_CREDENTIALS = {
  secretId: 'AKIDEXAMPLEfaceidSimulatorDemo00000000',
  secretKey: 'EXAMPLEfaceidSimulatorDemoSecretKey000',
} as const;
/** Where `faceid-simulator` listens by default: the sandbox's upstream. */
export const DEFAULT_SANDBOX_ENDPOINT = 'http://127.0.0.1:8788';

/** Port and interface of `faceid-proxy`. */
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** Node server: the whole request head must arrive within this, ms (slow-loris guard). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Node server: the whole request, head and body, must arrive within this, ms (≤ 30 s). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Node server: an idle keep-alive connection is closed after this, ms. */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Node server: open connections at most; further ones are closed at once. */
export const DEFAULT_MAX_CONNECTIONS = 1_024;
