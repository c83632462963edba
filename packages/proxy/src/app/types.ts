/**
 * Public shapes of the proxy: its options, hooks and the results its routes answer with (design.md
 * "The HTTP contract"). Our fields are camelCase; Tencent's keep Tencent's spelling.
 */
import type { Context } from 'hono';
import type { FaceIdCredentialsOption, FaceIdFetch } from '../client/index.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Tc3Crypto } from '../signing/crypto.js';
import type { Flow } from './binding.js';

export type { Flow } from './binding.js';
export type { WebSession, WebVerificationAttempt, WebVerificationResult } from '../contract.js';

/** What `beforeSession` may add to `ApplyWebVerificationBizTokenIntl` (or, legacy, `ApplyWebVerificationToken`). */
export interface SessionAdditions {
  /** The integrator's own reference (e.g. a user id): kept in the ledger, sent in webhooks. */
  reference?: string;
  /** Tencent `Extra`, ≤ 1,000 characters, echoed in the result as `extra`. */
  extra?: string;
  /** Tencent `RuleId`; overrides the `ruleId` option. */
  ruleId?: string;
  /** Tencent `CompareImageBase64`: base64 photo without `data:` prefix, ≤ 8 MB (intl flow). */
  compareImageBase64?: string;
  /** Legacy flow: `CompareImageUrl`, a COS URL in the request's region. */
  compareImageUrl?: string;
  /** Legacy flow: `CompareImageMd5` of that image, 32 hex. */
  compareImageMd5?: string;
}

/** Which media reach callers. All off by default: the browser never sees video, frames, OCR or card images. */
export interface MediaOptions {
  /** `videoBase64` (intl) / `videoUrl` (legacy, 10-minute COS URL). */
  video?: boolean;
  /** `bestFrameBase64` (intl) / `bestFrameUrl` (legacy). */
  bestFrame?: boolean;
  /** `ocr`: Tencent's `OCRResult` list without images (unless `cardImages`). */
  ocr?: boolean;
  /** Keep document images inside `ocr` (needs `ocr`). */
  cardImages?: boolean;
}

export type MaybePromise<T> = T | Promise<T>;

export interface FaceIdProxyOptions {
  /** Tencent Cloud credentials, or an async provider called per upstream call (cache inside it). */
  credentials: FaceIdCredentialsOption;
  /**
   * `X-TC-Region`. Default `ap-singapore`. Only regions where every action of the flow is offered (faceid-api.md
   * §1.2): intl ap-bangkok, ap-jakarta, ap-singapore; legacy ap-jakarta, ap-singapore. Others throw at construction.
   */
  region?: string;
  /** FaceID endpoint URL. Default Tencent's host for the flow; the simulator's URL in sandbox. https outside sandbox. */
  endpoint?: string;
  /** `intl` (default): ApplyWebVerificationBizTokenIntl / GetWebVerificationResultIntl. `legacy`: ApplyWebVerificationToken / GetWebVerificationResult. */
  flow?: Flow;
  /** Simulator mode: /health says `simulator`, http endpoints allowed, bindingSecret may be short or omitted (random per app). */
  sandbox?: boolean;
  /** Exact origins (`https://app.example.com`) allowed to call browser routes. Default: the origins of `redirectUrls`. */
  allowedOrigins?: readonly string[];
  /** Return URLs a session may use as RedirectURL, compared exactly (scheme, host, port, path). At least one. */
  redirectUrls: readonly string[];
  /**
   * The proxy's public base URL as browsers and phones reach it, e.g. `https://app.example.com/faceid`: the base of
   * the tab and handoff pages (RedirectURL) and of the handoff link. Default: worked out from each request (its URL
   * up to the route, so a Hono mount and the Node handler's `prefix` or Express mount count; with `trustProxy`,
   * `X-Forwarded-Proto`/`-Host`/`-Prefix`). Set it when a server in front strips the mount path (nginx, Vite's proxy).
   */
  publicUrl?: string;
  /** Key of the bindings (HS256): at least 32 bytes outside sandbox. */
  bindingSecret?: string | Uint8Array;
  /** Lifetime of a binding, ms. Default 7,200,000 (2 h). */
  bindingTtlMs?: number;
  /** Bearer key of the server-to-server routes (at least 16 characters). Without it and `authorize` they answer 404. */
  apiKey?: string;
  /** Tencent `RuleId` for every session. */
  ruleId?: string;
  /** `Config.SecurityLevel`, 1–5. */
  securityLevel?: number;
  /** `Config.CheckMode`, 1–4. Default 2 (liveness + comparison). */
  checkMode?: number;
  /** Further `WebVerificationConfigIntl` fields from server policy (Tencent names, e.g. `{ AutoSkip: true }`). */
  webConfig?: Readonly<Record<string, unknown>>;
  /**
   * Legacy flow: the comparison photo sent as `CompareImageUrl` (a COS URL in `region`) and `CompareImageMd5`
   * (32 hex) when `beforeSession` supplies none. One photo for every session: for tests and single-subject
   * set-ups; production passes each user's photo from `beforeSession`.
   */
  compareImage?: { url: string; md5: string };
  /** Media turned on for results. Default: none. */
  media?: MediaOptions;
  /** Transport for upstream calls (Web `fetch` signature). Default: global `fetch`; the Node entry injects undici. */
  fetch?: FaceIdFetch;
  /** TC3 hash/HMAC primitives. Default: Web Crypto. */
  crypto?: Tc3Crypto;
  /** Time limit of one route's upstream work, ms (retries included). Default 10,000. */
  timeoutMs?: number;
  /** Retries of result reads on retryable failures. Default: the client's. */
  retries?: number;
  /** Clock, Unix ms. Default `Date.now`. */
  now?: () => number;
  /** Upstream calls in flight at most, per action (a hung read never holds back a session start). Default 16. */
  maxConcurrency?: number;
  /**
   * Upstream attempts per second per action, retries included, spaced evenly. Default 18 (under FaceID's 20);
   * 0 = unlimited. Shared by every instance when the ledger's store has a `pacer` (PostgreSQL).
   */
  upstreamRatePerSecond?: number;
  /** Inbound limit per client of the browser calls: `limit` requests per `windowMs`. Default 60 per 60,000 ms; `false` = off. */
  rateLimit?: { windowMs: number; limit: number } | false;
  /** Inbound limit per client of the API-key (server-to-server) calls, their own bucket. Default 600 per 60,000 ms; `false` = off. */
  serverRateLimit?: { windowMs: number; limit: number } | false;
  /**
   * Reverse-proxy hops in front of the proxy whose `X-Forwarded-For` entries are trusted for the client address
   * (the rate limit's key): 0 (default) = the peer address; 1 = the last entry, added by your one proxy; 0–100.
   */
  trustProxy?: number;
  /** Identifies a client for the inbound limit. Default: one shared bucket (the Node entry uses the peer address). */
  clientKey?: (c: Context) => MaybePromise<string>;
  /** Authenticates the user before a session; may return additions or a Response to refuse. */
  beforeSession?: (c: Context) => MaybePromise<SessionAdditions | Response | void>;
  /** Authorises a server-to-server call (instead of, or besides, `apiKey`). True = allowed; a Response refuses. */
  authorize?: (c: Context) => MaybePromise<boolean | Response>;
  /** Receives one JSON line per request. Default `console.log`. */
  logger?: (line: string) => void;
  /**
   * The flow ledger: `createLedger({ store })` from `@faceid-verify/proxy/ledger`, with a store from
   * `@faceid-verify/proxy/store/{memory,sqlite,postgres}`. Default: an in-memory ledger, lost on restart.
   */
  ledger?: Ledger;
}
