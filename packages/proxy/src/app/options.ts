/**
 * Validates `FaceIdProxyOptions` once, at construction (valibot), and fills defaults. Bad configuration throws a
 * `TypeError` naming the option: `createFaceIdProxy: option "bindingSecret" must be at least 32 bytes …`.
 */
import * as v from 'valibot';
import { canonicalReturnUrl, createRedirectMatcher } from './redirect-url.js';
import type { Flow } from './binding.js';
import type { FaceIdProxyOptions, MediaOptions } from './types.js';

/** Regions that accept the web actions (faceid-api.md §1.2). */
export const INTL_REGIONS = ['ap-bangkok', 'ap-hongkong', 'ap-jakarta', 'ap-singapore', 'sa-saopaulo'] as const;
export const LEGACY_REGIONS = ['ap-jakarta', 'ap-singapore'] as const;
export const DEFAULT_REGION = 'ap-singapore';
/** Shortest binding secret outside sandbox, bytes. */
export const MIN_BINDING_SECRET_BYTES = 32;
export const MIN_API_KEY_LENGTH = 16;

const text = v.pipe(v.string(), v.nonEmpty());
const fn = v.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const positiveMs = v.pipe(v.number(), v.integer(), v.minValue(1));
const flag = v.optional(v.boolean());

const OptionsSchema = v.strictObject({
  credentials: v.union(
    [v.object({ secretId: text, secretKey: text, sessionToken: v.optional(v.string()) }), fn],
    'must be { secretId, secretKey, sessionToken? } or an async function returning that',
  ),
  region: v.optional(v.picklist(INTL_REGIONS, `must be one of ${INTL_REGIONS.join(', ')}`)),
  endpoint: v.optional(v.pipe(v.string(), v.url('must be an absolute URL'))),
  flow: v.optional(v.picklist(['intl', 'legacy'], "must be 'intl' or 'legacy'")),
  sandbox: flag,
  allowedOrigins: v.optional(v.array(text)),
  redirectUrls: v.pipe(v.array(text), v.minLength(1, 'must list at least one return URL')),
  bindingSecret: v.optional(v.union([v.string(), v.instance(Uint8Array)], 'must be a string or Uint8Array')),
  bindingTtlMs: v.optional(positiveMs),
  apiKey: v.optional(v.pipe(v.string(), v.minLength(MIN_API_KEY_LENGTH, 'must be at least 16 characters'))),
  ruleId: v.optional(text),
  securityLevel: v.optional(int(1, 5)),
  checkMode: v.optional(int(1, 4)),
  webConfig: v.optional(v.record(v.string(), v.unknown())),
  media: v.optional(v.strictObject({ video: flag, bestFrame: flag, ocr: flag, cardImages: flag })),
  fetch: v.optional(fn),
  crypto: v.optional(v.object({ sha256Hex: fn, hmacSha256: fn, hmacSha256Hex: fn })),
  timeoutMs: v.optional(positiveMs),
  retries: v.optional(int(0, 10)),
  now: v.optional(fn),
  maxConcurrency: v.optional(int(1, 10_000)),
  upstreamRatePerSecond: v.optional(int(0, 1_000_000)),
  rateLimit: v.optional(v.union([v.literal(false), v.strictObject({ windowMs: positiveMs, limit: int(1, 1e9) })])),
  clientKey: v.optional(fn),
  beforeSession: v.optional(fn),
  authorize: v.optional(fn),
  logger: v.optional(fn),
  trustProxy: v.optional(int(0, 100)),
  serverRateLimit: v.optional(
    v.union([v.literal(false), v.strictObject({ windowMs: positiveMs, limit: int(1, 1e9) })]),
  ),
});

/** Options after validation, with every default filled in. */
export interface ResolvedProxyOptions extends Omit<FaceIdProxyOptions, 'bindingSecret'> {
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
  rateLimit: { windowMs: number; limit: number } | false;
  logger: (line: string) => void;
  /** The RedirectURL to send for a caller's `redirectUrl`, or null. */
  matchRedirect: (candidate: string) => string | null;
}

function fail(option: string, message: string): never {
  throw new TypeError(`createFaceIdProxy: option "${option}" ${message}`);
}

/** Validates and completes the options. @throws TypeError naming the first bad option. */
export function resolveProxyOptions(options: FaceIdProxyOptions): ResolvedProxyOptions {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const parsed = v.safeParse(OptionsSchema, options);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    fail(v.getDotPath(issue) ?? 'options', issue.message);
  }
  const sandbox = options.sandbox ?? false;
  const flow = options.flow ?? 'intl';
  const region = options.region ?? DEFAULT_REGION;
  checkRegion(flow, region);
  if (options.endpoint !== undefined && !sandbox && !options.endpoint.startsWith('https://')) {
    fail('endpoint', 'must be https outside sandbox');
  }
  if (flow === 'legacy' && options.beforeSession === undefined) {
    fail('beforeSession', "is required with flow 'legacy' (it supplies compareImageUrl and compareImageMd5)");
  }
  const matchRedirect = redirectMatcher(options.redirectUrls);
  return {
    ...options,
    region,
    flow,
    sandbox,
    allowedOrigins: resolveOrigins(options),
    matchRedirect,
    bindingSecret: resolveBindingSecret(options.bindingSecret, sandbox),
    bindingTtlMs: options.bindingTtlMs ?? 2 * 60 * 60 * 1000,
    media: options.media ?? {},
    timeoutMs: options.timeoutMs ?? 10_000,
    now: options.now ?? Date.now,
    maxConcurrency: options.maxConcurrency ?? 16,
    upstreamRatePerSecond: options.upstreamRatePerSecond ?? 20,
    rateLimit: options.rateLimit ?? { windowMs: 60_000, limit: 60 },
    logger: options.logger ?? ((line) => console.log(line)),
  };
}

function checkRegion(flow: Flow, region: string): void {
  const allowed: readonly string[] = flow === 'legacy' ? LEGACY_REGIONS : INTL_REGIONS;
  if (!allowed.includes(region)) fail('region', `must be one of ${allowed.join(', ')} for flow '${flow}'`);
}

function redirectMatcher(urls: readonly string[]): (candidate: string) => string | null {
  try {
    return createRedirectMatcher(urls);
  } catch (error) {
    return fail('redirectUrls', (error as Error).message);
  }
}

function resolveOrigins(options: FaceIdProxyOptions): readonly string[] {
  if (options.allowedOrigins === undefined) {
    return [...new Set(options.redirectUrls.map((url) => new URL(canonicalReturnUrl(url)).origin))];
  }
  for (const origin of options.allowedOrigins) {
    let parsed: string | undefined;
    try {
      parsed = new URL(origin).origin;
    } catch {
      parsed = undefined;
    }
    if (parsed !== origin) fail('allowedOrigins', `"${origin}" is not an origin like https://app.example.com`);
  }
  return options.allowedOrigins;
}

function resolveBindingSecret(secret: string | Uint8Array | undefined, sandbox: boolean): Uint8Array {
  if (secret === undefined) {
    if (!sandbox) fail('bindingSecret', 'is required outside sandbox');
    return crypto.getRandomValues(new Uint8Array(MIN_BINDING_SECRET_BYTES));
  }
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (bytes.length < (sandbox ? 1 : MIN_BINDING_SECRET_BYTES)) {
    fail('bindingSecret', `must be at least ${MIN_BINDING_SECRET_BYTES} bytes outside sandbox`);
  }
  return bytes;
}
