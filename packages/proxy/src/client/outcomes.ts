/**
 * One table of upstream outcomes per FaceID action: what a Tencent code (or code family), an HTTP status, a
 * malformed reply, a redirect, a timeout or a network failure means. Each outcome is either a verdict the route
 * answers as a result (`expired`, `failed`), or a proxy error `{ error, retryable }` (its HTTP status comes from
 * `ERROR_STATUS`). The client retries a read when its outcome is `retryable` (never a timeout, never a session
 * start); the proxy's routes answer from the same outcome. Source: faceid-api.md §5.2–§5.3.
 */
import type { ProxyErrorCode } from '../contract.js';
import { FACEID_ACTIONS, type FaceIdAction } from './actions.js';

/** What came back from one attempt, before anyone decided what it means. */
export type UpstreamEvent =
  | { kind: 'api'; code: string }
  | { kind: 'http'; status: number }
  | { kind: 'redirect'; status: number }
  | { kind: 'malformed' }
  | { kind: 'timeout' }
  | { kind: 'network' };

export type Verdict = 'expired' | 'failed';
export type UpstreamOutcome = { verdict: Verdict } | { error: ProxyErrorCode; retryable: boolean };

/**
 * A rule's pattern: a Tencent code (`InvalidParameterValue.BizTokenExpired`), a family with `*`
 * (`InternalError*` = `InternalError` and `InternalError.…`), `http:5xx`, `http:429`, `http:*`, `redirect`,
 * `malformed`, `timeout` or `network`. First match wins.
 */
export type OutcomeRule = readonly [pattern: string, outcome: UpstreamOutcome];

const unavailable = { error: 'upstream_unavailable', retryable: true } as const;
const refused = { error: 'upstream_error', retryable: false } as const;
const callerFault = { error: 'invalid_request', retryable: false } as const;
const bad = (retryable: boolean) => ({ error: 'upstream_bad_response', retryable }) as const;

/** Busy or broken upstream: worth trying again (faceid-api.md §5.2). */
const TRANSIENT: readonly OutcomeRule[] = [
  ['RequestLimitExceeded*', unavailable],
  ['InternalError*', unavailable],
  ['ServiceUnavailable', unavailable],
  ['ResourceUnavailable', unavailable],
];

/** Tencent blames input the caller chose (a token, an S2S field): 400 on the routes that take caller input. */
const CALLER_FAULTS: readonly OutcomeRule[] = [
  ['InvalidParameter*', callerFault],
  ['InvalidParameterValue*', callerFault],
  ['MissingParameter*', callerFault],
  ['FailedOperation.ImageSizeTooLarge', callerFault],
];

/** The transport outcomes; a malformed reply or a redirect is retried only on reads (nothing was created). */
function transport(read: boolean): readonly OutcomeRule[] {
  return [
    ['http:5xx', bad(true)],
    ['http:429', bad(true)],
    ['http:*', bad(false)],
    ['redirect', bad(read)],
    ['malformed', bad(read)],
    ['timeout', { error: 'upstream_timeout', retryable: true }],
    ['network', unavailable],
    ['*', refused],
  ];
}

const WEB_READ: readonly OutcomeRule[] = [
  ['InvalidParameterValue.BizTokenExpired', { verdict: 'expired' }],
  ...CALLER_FAULTS,
];

const IMAGE_RECOGNITION: readonly OutcomeRule[] = [
  ...CALLER_FAULTS,
  ['FailedOperation.CompareLibServiceUnavailable', unavailable],
  ['FailedOperation.CompareSystemError', unavailable],
  ['FailedOperation.IdPhotoSystemNoanswer', unavailable],
  ['FailedOperation.DecryptSystemError', refused],
  ['FailedOperation.StsUnAuthErrError', refused],
  ['FailedOperation.UnKnown', refused],
  // Any other FailedOperation is the comparison's answer about the photo.
  ['FailedOperation*', { verdict: 'failed' }],
];

/** The action-specific rules, before the shared transient and transport rules. */
const ACTION_RULES: Readonly<Record<FaceIdAction, readonly OutcomeRule[]>> = {
  ApplyWebVerificationBizTokenIntl: [],
  ApplyWebVerificationToken: [],
  GetWebVerificationResultIntl: WEB_READ,
  GetWebVerificationResult: WEB_READ,
  GetFaceIdTokenIntl: CALLER_FAULTS,
  GetFaceIdResultIntl: CALLER_FAULTS,
  GetSdkVerificationResult: CALLER_FAULTS,
  ImageRecognitionV2: IMAGE_RECOGNITION,
};

/** Every action's full rule list, in match order. */
export const FACEID_OUTCOMES: Readonly<Record<FaceIdAction, readonly OutcomeRule[]>> = Object.fromEntries(
  Object.entries(ACTION_RULES).map(([action, rules]) => [
    action,
    [...rules, ...TRANSIENT, ...transport(FACEID_ACTIONS[action as FaceIdAction].read)],
  ]),
) as unknown as Record<FaceIdAction, readonly OutcomeRule[]>;

function matches(pattern: string, event: UpstreamEvent): boolean {
  switch (event.kind) {
    case 'api':
      if (pattern === '*') return true;
      if (!pattern.endsWith('*')) return pattern === event.code;
      return event.code === pattern.slice(0, -1) || event.code.startsWith(pattern.slice(0, -1) + '.');
    case 'http':
      return (
        pattern === 'http:*' || pattern === `http:${event.status}` || pattern === `http:${(event.status / 100) | 0}xx`
      );
    default:
      return pattern === event.kind;
  }
}

/** The outcome of `event` for `action`; an unknown action is judged like a session start (never retried). */
export function upstreamOutcome(action: string, event: UpstreamEvent): UpstreamOutcome {
  const rules = FACEID_OUTCOMES[action as FaceIdAction] ?? FACEID_OUTCOMES.ApplyWebVerificationBizTokenIntl;
  for (const [pattern, outcome] of rules) if (matches(pattern, event)) return outcome;
  return refused;
}

/** Whether the outcome asks the caller to come back later. */
export function isRetryable(outcome: UpstreamOutcome): boolean {
  return 'error' in outcome && outcome.retryable;
}
