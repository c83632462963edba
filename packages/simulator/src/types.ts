/** Options and shared types of the FaceID simulator. */
import type { Tc3Crypto } from '@faceid-verify/proxy/signing';

/** One API key pair the simulator accepts, like a CAM key (or STS temporary credentials with `sessionToken`). */
export interface SimulatorCredential {
  secretId: string;
  secretKey: string;
  /** STS session token: when set, every call must send it as `X-TC-Token` (else `AuthFailure.TokenFailure`). */
  sessionToken?: string;
}

export interface SimulatorOptions {
  /** Accepted keys. Default: `[DEMO_CREDENTIALS]`. */
  credentials?: SimulatorCredential[];
  /** Origin (and optional base path) the browser reaches the simulator at; VerificationURL = `${publicUrl}/verify?token=…`. */
  publicUrl: string;
  /** Clock in ms since the epoch. Default `Date.now`. `POST /__simulator/clock` adds an offset on top. */
  now?: () => number;
  /** Serve `/__simulator/*` (outcomes, faults, calls, clock, reset). Default false: those paths are 404. */
  testControls?: boolean;
  /** Issue-to-start lifetime of intl BizTokens and SdkTokens, ms. Default 600,000 (10 min). */
  bizTokenTtlMs?: number;
  /** How long results stay readable after the token was issued, ms. Default 259,200,000 (3 days). */
  resultTtlMs?: number;
  /** Calls per second per action before `RequestLimitExceeded`. Default 20 (Tencent's limit). */
  rateLimitPerSecond?: number;
  /** Hash/HMAC primitives for signature checks. Default Web Crypto; `serveSimulator` uses `node:crypto`. */
  crypto?: Tc3Crypto;
}

/** What the user did on the hosted page (or what a test preset). `abandon` = came back without a verdict. */
export const OUTCOMES = ['pass', 'fail-liveness', 'fail-compare', 'timeout', 'quit', 'abandon'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes the hosted page offers as buttons, in order, with their labels. */
export const PAGE_OUTCOMES: readonly { outcome: Exclude<Outcome, 'abandon'>; label: string }[] = [
  { outcome: 'pass', label: 'Pass' },
  { outcome: 'fail-liveness', label: 'Fail liveness' },
  { outcome: 'fail-compare', label: 'Fail face comparison' },
  { outcome: 'timeout', label: 'Time out' },
  { outcome: 'quit', label: 'Quit' },
];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** The demo key pair used when no credentials are configured. Invented; never valid at Tencent. */
export const DEMO_CREDENTIALS: SimulatorCredential = Object.freeze({
  secretId: 'AKIDEXAMPLEfaceidSimulatorDemo00000000',
  secretKey: 'EXAMPLEfaceidSimulatorDemoSecretKey000',
});

export const API_VERSION = '2018-03-01';
export const DEFAULT_BIZ_TOKEN_TTL_MS = 10 * 60 * 1000;
/** Legacy `ApplyWebVerificationToken` BizTokens: 7,200 s to start. */
export const LEGACY_BIZ_TOKEN_TTL_MS = 7200 * 1000;
export const DEFAULT_RESULT_TTL_MS = 3 * 24 * 3600 * 1000;
export const DEFAULT_RATE_LIMIT_PER_SECOND = 20;
/** Allowed distance between `X-TC-Timestamp` and the simulator's clock, seconds. */
export const MAX_CLOCK_SKEW_S = 300;
