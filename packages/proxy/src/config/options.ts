/**
 * Validates `FaceIdProxyOptions` once, at construction, and fills every default (from `defaults.ts`). Bad
 * configuration throws a `ConfigError` whose `option` is the dot path at fault and whose message reads
 * `createFaceIdProxy: option "bindingSecret" must be at least 32 bytes outside sandbox`.
 */
import * as v from 'valibot';
import type { Flow } from '../app/binding.js';
import { canonicalReturnUrl, createRedirectMatcher } from '../app/redirect-url.js';
import type { FaceIdProxyOptions, MediaOptions, SessionAdditions } from '../app/types.js';
import { createLedger, type Ledger } from '../ledger/ledger.js';
import { createMemoryStore } from '../store/memory.js';
import * as D from './defaults.js';
import { ConfigError } from './error.js';
import { actionRefusing, FLOW_REGIONS, FLOWS } from './regions.js';
import { checkCredentials, checkRetries, checkTimeout, parseEndpoint, type Fail } from './rules.js';

type RateLimit = { windowMs: number; limit: number } | false;

const text = v.pipe(v.string(), v.nonEmpty());
const fn = v.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');
const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max, `must be an integer from ${min} to ${max}`));
const positiveMs = v.pipe(v.number(), v.integer(), v.minValue(1, 'must be a positive integer of milliseconds'));
const flag = v.optional(v.boolean());
const rateLimit = v.optional(
  v.union(
    [v.literal(false), v.strictObject({ windowMs: positiveMs, limit: int(1, 1e9) })],
    'must be { windowMs, limit } or false',
  ),
);
const returnUrls = v.pipe(
  v.array(text, 'must list at least one return URL'),
  v.minLength(1, 'must list at least one return URL'),
);

// Checked by the shared rules instead: credentials, endpoint, timeoutMs, retries.
const OptionsSchema = v.strictObject({
  credentials: v.unknown(),
  region: v.optional(text),
  endpoint: v.optional(v.unknown()),
  flow: v.optional(v.picklist(FLOWS, `must be one of ${FLOWS.join(', ')}`)),
  sandbox: flag,
  allowedOrigins: v.optional(v.array(text)),
  redirectUrls: returnUrls,
  publicUrl: v.optional(text),
  bindingSecret: v.optional(v.union([v.string(), v.instance(Uint8Array)], 'must be a string or Uint8Array')),
  bindingTtlMs: v.optional(positiveMs),
  apiKey: v.optional(
    v.pipe(v.string(), v.minLength(D.MIN_API_KEY_LENGTH, `must be at least ${D.MIN_API_KEY_LENGTH} characters`)),
  ),
  ruleId: v.optional(text),
  securityLevel: v.optional(int(1, 5)),
  checkMode: v.optional(int(1, 4)),
  webConfig: v.optional(v.record(v.string(), v.unknown())),
  media: v.optional(v.strictObject({ video: flag, bestFrame: flag, ocr: flag, cardImages: flag })),
  compareImage: v.optional(
    v.strictObject({
      url: v.pipe(v.string(), v.url('must be an absolute URL')),
      md5: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/i, 'must be 32 hex digits')),
    }),
  ),
  fetch: v.optional(fn),
  crypto: v.optional(v.object({ sha256Hex: fn, hmacSha256: fn, hmacSha256Hex: fn })),
  timeoutMs: v.optional(v.unknown()),
  retries: v.optional(v.unknown()),
  now: v.optional(fn),
  maxConcurrency: v.optional(int(1, 10_000)),
  upstreamRatePerSecond: v.optional(int(0, 1_000_000)),
  rateLimit,
  serverRateLimit: rateLimit,
  trustProxy: v.optional(int(0, 100)),
  clientKey: v.optional(fn),
  beforeSession: v.optional(fn),
  authorize: v.optional(fn),
  logger: v.optional(fn),
  ledger: v.optional(
    v.object(
      { recordStarted: fn, get: fn, recordVerdict: fn, recordExpired: fn, list: fn, redeliver: fn, erase: fn },
      'must be a Ledger (createLedger)',
    ),
  ),
});

/** Every option `createFaceIdProxy` accepts (the README's option table lists exactly these). */
export const OPTION_NAMES = Object.keys(OptionsSchema.entries) as (keyof FaceIdProxyOptions)[];

/** Options after validation, with every default filled in. */
export interface ResolvedProxyOptions extends Omit<FaceIdProxyOptions, 'bindingSecret' | 'compareImage'> {
  region: string;
  flow: Flow;
  sandbox: boolean;
  allowedOrigins: readonly string[];
  bindingSecret: Uint8Array;
  bindingTtlMs: number;
  media: MediaOptions;
  timeoutMs: number;
  now: () => number;
  maxConcurrency: number;
  upstreamRatePerSecond: number;
  rateLimit: RateLimit;
  serverRateLimit: RateLimit;
  trustProxy: number;
  logger: (line: string) => void;
  ledger: Ledger;
  /** The RedirectURL to send for a caller's `redirectUrl`, or null. */
  matchRedirect: (candidate: string) => string | null;
}

const fail: Fail = (option, detail) => {
  throw new ConfigError(option, detail);
};

function checkShared(options: FaceIdProxyOptions): void {
  checkCredentials(options.credentials, fail);
  parseEndpoint(options.endpoint, fail);
  if (options.timeoutMs !== undefined) checkTimeout('timeoutMs', options.timeoutMs, fail);
  if (options.retries !== undefined) checkRetries(options.retries, fail);
}

/** Validates and completes the options. @throws {ConfigError} naming the first bad option. */
export function resolveProxyOptions(options: FaceIdProxyOptions): ResolvedProxyOptions {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const parsed = v.safeParse(OptionsSchema, options);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    // valibot's own messages quote the value received: a secret must never reach a log.
    const detail = issue.message.startsWith('Invalid ') ? `must be ${issue.expected ?? 'valid'}` : issue.message;
    fail(v.getDotPath(issue) ?? 'options', detail);
  }
  checkShared(options);
  const sandbox = options.sandbox ?? false;
  const flow = options.flow ?? D.DEFAULT_FLOW;
  const region = options.region ?? D.DEFAULT_REGION;
  checkFlowRegion(flow, region);
  if (options.endpoint !== undefined && !sandbox && !String(options.endpoint).startsWith('https://')) {
    fail('endpoint', 'must be https outside sandbox');
  }
  const { compareImage, ...rest } = options;
  if (flow === 'legacy' && options.beforeSession === undefined && compareImage === undefined) {
    // Named as compareImage: the one of the two an operator can set from the environment.
    fail(
      'compareImage',
      "is required with flow 'legacy' unless beforeSession supplies compareImageUrl and compareImageMd5",
    );
  }
  const matchRedirect = redirectMatcher(options.redirectUrls);
  return {
    ...rest,
    region,
    flow,
    sandbox,
    allowedOrigins: resolveOrigins(options),
    matchRedirect,
    ...(options.publicUrl === undefined ? {} : { publicUrl: resolvePublicUrl(options.publicUrl) }),
    bindingSecret: resolveBindingSecret(options.bindingSecret, sandbox),
    bindingTtlMs: options.bindingTtlMs ?? D.DEFAULT_BINDING_TTL_MS,
    media: options.media ?? {},
    timeoutMs: options.timeoutMs ?? D.DEFAULT_UPSTREAM_TIMEOUT_MS,
    now: options.now ?? Date.now,
    maxConcurrency: options.maxConcurrency ?? D.DEFAULT_MAX_CONCURRENCY,
    upstreamRatePerSecond: options.upstreamRatePerSecond ?? D.DEFAULT_UPSTREAM_RATE_PER_SECOND,
    rateLimit: options.rateLimit ?? { ...D.DEFAULT_RATE_LIMIT },
    serverRateLimit: options.serverRateLimit ?? { ...D.DEFAULT_SERVER_RATE_LIMIT },
    trustProxy: options.trustProxy ?? D.DEFAULT_TRUST_PROXY,
    logger: options.logger ?? ((line) => console.log(line)),
    ledger: options.ledger ?? createLedger({ store: createMemoryStore(), now: options.now ?? Date.now }),
    ...withCompareImage(options.beforeSession, compareImage),
  };
}

/** Refuses a region in which one of the flow's actions is not offered: the user would fail after liveness. */
function checkFlowRegion(flow: Flow, region: string): void {
  const refusing = actionRefusing(flow, region);
  if (refusing === undefined) return;
  fail(
    'region',
    `must be one of ${FLOW_REGIONS[flow].join(', ')} for the ${flow} flow (${refusing} is not offered in "${region}")`,
  );
}

/** Legacy flow: `compareImage` fills CompareImageUrl/CompareImageMd5 that `beforeSession` leaves out. */
function withCompareImage(
  hook: FaceIdProxyOptions['beforeSession'],
  image: FaceIdProxyOptions['compareImage'],
): Pick<ResolvedProxyOptions, 'beforeSession'> {
  if (image === undefined) return hook === undefined ? {} : { beforeSession: hook };
  const defaults: SessionAdditions = { compareImageUrl: image.url, compareImageMd5: image.md5 };
  return {
    beforeSession: async (c) => {
      const additions = await hook?.(c);
      return additions instanceof Response ? additions : { ...defaults, ...additions };
    },
  };
}

function redirectMatcher(urls: readonly string[]): (candidate: string) => string | null {
  try {
    return createRedirectMatcher(urls);
  } catch (error) {
    return fail('redirectUrls', (error as Error).message);
  }
}

/** `publicUrl` as an absolute http(s) base without query, fragment or trailing slash. */
function resolvePublicUrl(value: string): string {
  let canonical: string;
  try {
    canonical = canonicalReturnUrl(value);
  } catch (error) {
    return fail('publicUrl', (error as Error).message);
  }
  if (/[?#]/.test(value)) fail('publicUrl', 'must have no query or fragment');
  return canonical.replace(/\/+$/, '');
}

function resolveOrigins(options: FaceIdProxyOptions): readonly string[] {
  if (options.allowedOrigins === undefined) {
    return [...new Set(options.redirectUrls.map((url) => new URL(canonicalReturnUrl(url)).origin))];
  }
  for (const origin of options.allowedOrigins) {
    const parsed = URL.canParse(origin) ? new URL(origin).origin : undefined;
    if (parsed !== origin) fail('allowedOrigins', `has "${origin}", not an origin like https://app.example.com`);
  }
  return options.allowedOrigins;
}

function resolveBindingSecret(secret: string | Uint8Array | undefined, sandbox: boolean): Uint8Array {
  if (secret === undefined) {
    if (!sandbox) fail('bindingSecret', 'is required outside sandbox');
    return crypto.getRandomValues(new Uint8Array(D.MIN_BINDING_SECRET_BYTES));
  }
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (bytes.length < (sandbox ? 1 : D.MIN_BINDING_SECRET_BYTES)) {
    fail(
      'bindingSecret',
      `must be at least ${D.MIN_BINDING_SECRET_BYTES} bytes outside sandbox (e.g. openssl rand -base64 48)`,
    );
  }
  return bytes;
}
