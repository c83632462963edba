/**
 * The request mapping and answer of `POST /web/sessions`: the RedirectURL must be a configured return URL (in
 * `tab` and `handoff` modes it is the proxy's own page: `{base}/web/return`, `{base}/web/handoff/done`), the
 * `beforeSession` hook may add server-side fields or refuse; ApplyWebVerificationBizTokenIntl gets a Config from
 * server policy (intl), ApplyWebVerificationToken the comparison photo from `beforeSession` (legacy). The
 * VerificationURL must be an http(s) URL before any browser is sent there; the answer carries a fresh binding.
 */
import type {
  ApplyWebVerificationBizTokenIntlRequest,
  ApplyWebVerificationTokenRequest,
  WebVerificationConfigIntl,
} from '../../client/index.js';
import type { SessionRequest, WebSession } from '../../contract.js';
import { ProxyError } from '../errors.js';
import type { ResolvedProxyOptions } from '../options.js';
import { publicBase } from '../public-base.js';
import type { SessionAdditions } from '../types.js';
import type { RouteInput } from './route.js';

/** BizToken life to start the flow, ms: 10 min (intl), 7,200 s (legacy). faceid-api.md §1.4. */
export const BIZ_TOKEN_TTL_MS = { intl: 10 * 60 * 1000, legacy: 7200 * 1000 } as const;

type Input = RouteInput<SessionRequest>;

/** The session row's own path: the public base is the request's URL up to it. */
export const SESSION_PATH = '/web/sessions';
/** The proxy's pages that are the RedirectURL of the modes without the caller's own (paths under the base). */
export const MODE_RETURN_PATHS = { tab: '/web/return', handoff: '/web/handoff/done' } as const;

/** `Config` from server policy: `webConfig`, then `checkMode` / `securityLevel`, then the caller's language. */
export function sessionConfig(options: ResolvedProxyOptions, language: string | undefined): WebVerificationConfigIntl {
  const { webConfig, checkMode, securityLevel } = options;
  return {
    ...(webConfig as WebVerificationConfigIntl | undefined),
    CheckMode: checkMode ?? (webConfig?.['CheckMode'] as number | undefined) ?? 2,
    ...(securityLevel === undefined ? {} : { SecurityLevel: securityLevel }),
    ...(language === undefined ? {} : { Language: language }),
  };
}

/** The matched RedirectURL and the hook's additions, or the hook's own refusal. */
async function prepare({ c, deps, body }: Input): Promise<[string, SessionAdditions] | Response> {
  const mode = body.mode ?? 'redirect';
  const redirectUrl =
    mode !== 'redirect'
      ? publicBase(c, deps.options, SESSION_PATH) + MODE_RETURN_PATHS[mode]
      : body.redirectUrl === undefined
        ? null
        : deps.options.matchRedirect(body.redirectUrl);
  if (redirectUrl === null) {
    // The message names the fix: the element logs it for the operator.
    throw new ProxyError(
      'redirect_not_allowed',
      'redirectUrl is not a configured return URL: add it to redirectUrls (FACEID_REDIRECT_URLS)',
    );
  }
  const additions = deps.options.beforeSession ? await deps.options.beforeSession(c) : undefined;
  if (additions instanceof Response) return additions;
  recorded.set(c, additions ?? {});
  return [redirectUrl, additions ?? {}];
}

/** The hook's additions of a request, kept for the ledger record (reference, extra); never from the body. */
const recorded = new WeakMap<object, SessionAdditions>();

export async function applyIntlRequest(input: Input): Promise<ApplyWebVerificationBizTokenIntlRequest | Response> {
  const prepared = await prepare(input);
  if (prepared instanceof Response) return prepared;
  const [redirectUrl, additions] = prepared;
  const { options } = input.deps;
  return {
    RedirectURL: redirectUrl,
    Config: sessionConfig(options, input.body.language),
    RuleId: additions.ruleId ?? options.ruleId,
    Extra: additions.extra,
    CompareImageBase64: additions.compareImageBase64,
  };
}

export async function applyLegacyRequest(input: Input): Promise<ApplyWebVerificationTokenRequest | Response> {
  const prepared = await prepare(input);
  if (prepared instanceof Response) return prepared;
  const [redirectUrl, { compareImageUrl, compareImageMd5 }] = prepared;
  if (compareImageUrl === undefined || compareImageMd5 === undefined) {
    throw new ProxyError(
      'internal_error',
      'The legacy flow needs compareImageUrl and compareImageMd5 from beforeSession',
    );
  }
  return { RedirectUrl: redirectUrl, CompareImageUrl: compareImageUrl, CompareImageMd5: compareImageMd5 };
}

/**
 * The 201 body: the BizToken, its checked VerificationURL, when it must be used, and its binding; in handoff mode
 * also the signed link for the phone (handoff-link.ts) under the proxy's public base. The flow is
 * recorded in the ledger first (with `beforeSession`'s reference and extra): no session is answered unrecorded.
 * @throws StoreUnavailableError (503 `store_unavailable`) when the ledger cannot be written.
 */
export async function sessionAnswer(
  bizToken: string,
  verificationUrl: string,
  { c, deps, body }: Input,
): Promise<WebSession> {
  const { options, bindings, ledger, links } = deps;
  checkVerificationUrl(verificationUrl, options.sandbox);
  const now = options.now();
  const expiresAt = now + BIZ_TOKEN_TTL_MS[options.flow];
  const { reference, extra } = recorded.get(c) ?? {};
  await ledger.recordStarted({
    bizToken,
    flow: options.flow,
    region: options.region,
    reference: reference ?? null,
    extra: extra ?? null,
    expiresAt,
  });
  return {
    bizToken,
    verificationUrl,
    expiresAt: new Date(expiresAt).toISOString(),
    binding: await bindings.issue(bizToken, options.flow, now, now + options.bindingTtlMs),
    ...(body.mode === 'handoff'
      ? { handoffUrl: await links.create(publicBase(c, options, SESSION_PATH), bizToken, verificationUrl, expiresAt) }
      : {}),
  };
}

function checkVerificationUrl(url: string, sandbox: boolean): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'https:' && !(sandbox && protocol === 'http:')) {
    throw new ProxyError('upstream_bad_response', 'FaceID sent an unusable VerificationURL', {
      retryable: false,
      cause: 'VerificationURL is not http(s)',
    });
  }
}
