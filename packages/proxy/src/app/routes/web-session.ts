/**
 * The upstream half of `POST /web/sessions`: ApplyWebVerificationBizTokenIntl with RedirectURL and a Config
 * from server policy (intl), or ApplyWebVerificationToken with the comparison photo from `beforeSession`
 * (legacy). The VerificationURL must be an http(s) URL before any browser is sent there.
 */
import type { Context } from 'hono';
import type { WebVerificationConfigIntl } from '../../client/index.js';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import { ProxyError } from '../errors.js';
import type { ResolvedProxyOptions } from '../options.js';
import type { SessionAdditions } from '../types.js';
import { callUpstream } from './call.js';

export interface StartedSession {
  bizToken: string;
  verificationUrl: string;
}

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

export async function startSession(
  c: Context<ProxyEnv>,
  deps: ProxyDeps,
  redirectUrl: string,
  language: string | undefined,
  additions: SessionAdditions,
): Promise<StartedSession> {
  const started =
    deps.options.flow === 'intl'
      ? await applyIntl(c, deps, redirectUrl, language, additions)
      : await applyLegacy(c, deps, redirectUrl, additions);
  checkVerificationUrl(started.verificationUrl, deps.options.sandbox);
  return started;
}

async function applyIntl(
  c: Context<ProxyEnv>,
  deps: ProxyDeps,
  redirectUrl: string,
  language: string | undefined,
  additions: SessionAdditions,
): Promise<StartedSession> {
  const request = {
    RedirectURL: redirectUrl,
    Config: sessionConfig(deps.options, language),
    RuleId: additions.ruleId ?? deps.options.ruleId,
    Extra: additions.extra,
    CompareImageBase64: additions.compareImageBase64,
  };
  const reply = await callUpstream(c, deps, 'ApplyWebVerificationBizTokenIntl', (client, call) =>
    client.applyWebVerificationBizTokenIntl(request, call),
  );
  return { bizToken: reply.BizToken, verificationUrl: reply.VerificationURL };
}

async function applyLegacy(
  c: Context<ProxyEnv>,
  deps: ProxyDeps,
  redirectUrl: string,
  additions: SessionAdditions,
): Promise<StartedSession> {
  const { compareImageUrl, compareImageMd5 } = additions;
  if (compareImageUrl === undefined || compareImageMd5 === undefined) {
    throw new ProxyError(
      'internal_error',
      'The legacy flow needs compareImageUrl and compareImageMd5 from beforeSession',
    );
  }
  const request = { RedirectUrl: redirectUrl, CompareImageUrl: compareImageUrl, CompareImageMd5: compareImageMd5 };
  const reply = await callUpstream(c, deps, 'ApplyWebVerificationToken', (client, call) =>
    client.applyWebVerificationToken(request, call),
  );
  return { bizToken: reply.BizToken, verificationUrl: reply.VerificationUrl };
}

function checkVerificationUrl(url: string, sandbox: boolean): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'https:' && !(sandbox && protocol === 'http:')) {
    throw new ProxyError('upstream_bad_response', 'FaceID sent an unusable VerificationURL', { retryable: false });
  }
}
