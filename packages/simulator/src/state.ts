/** Everything one simulator instance keeps: clock, tokens, limits, faults and the call log. */
import { createTc3Verifier, type Tc3Verifier } from './auth.js';
import { createV1Verifier, type V1Verifier } from './auth-v1.js';
import { createClock, type SimulatorClock } from './clock.js';
import { FaultQueue } from './faults.js';
import { ActionRateLimiter } from './rate-limit.js';
import { FlowStore } from './store.js';
import {
  DEFAULT_BIZ_TOKEN_TTL_MS,
  DEFAULT_RATE_LIMIT_PER_SECOND,
  DEFAULT_RESULT_TTL_MS,
  DEMO_CREDENTIALS,
  type SimulatorOptions,
} from './types.js';

/** One received `POST /` call, as `GET /__simulator/calls` lists it. `at` is ms on the simulator clock. */
export interface CallRecord {
  action: string;
  region: string | null;
  at: number;
  signatureValid: boolean;
}

/** How many calls the log keeps (oldest dropped first). */
export const CALL_LOG_LIMIT = 1000;

export interface SimulatorState {
  clock: SimulatorClock;
  store: FlowStore;
  limiter: ActionRateLimiter;
  faults: FaultQueue;
  verifier: Tc3Verifier;
  v1Verifier: V1Verifier;
  calls: CallRecord[];
  publicUrl: string;
  bizTokenTtlMs: number;
  testControls: boolean;
  /** Forgets tokens, calls, faults, rate-limit windows and the clock offset. */
  reset(): void;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`createSimulator: ${name} must be a positive number`);
  return value;
}

function normalisePublicUrl(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new TypeError(`createSimulator: publicUrl must be an absolute URL, got ${JSON.stringify(publicUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('createSimulator: publicUrl must be an http(s) URL');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * @throws {TypeError} for a bad `publicUrl` or empty credentials; {RangeError} for a non-positive limit or lifetime.
 */
export function createState(options: SimulatorOptions): SimulatorState {
  const credentials = options.credentials ?? [DEMO_CREDENTIALS];
  if (credentials.length === 0 || credentials.some((c) => !c.secretId || !c.secretKey)) {
    throw new TypeError('createSimulator: credentials need a non-empty secretId and secretKey each');
  }
  const clock = createClock(options.now);
  const store = new FlowStore(positive('resultTtlMs', options.resultTtlMs, DEFAULT_RESULT_TTL_MS));
  const limiter = new ActionRateLimiter(
    positive('rateLimitPerSecond', options.rateLimitPerSecond, DEFAULT_RATE_LIMIT_PER_SECOND),
  );
  const faults = new FaultQueue();
  const state: SimulatorState = {
    clock,
    store,
    limiter,
    faults,
    verifier: createTc3Verifier(credentials, options.crypto),
    v1Verifier: createV1Verifier(credentials),
    calls: [],
    publicUrl: normalisePublicUrl(options.publicUrl),
    bizTokenTtlMs: positive('bizTokenTtlMs', options.bizTokenTtlMs, DEFAULT_BIZ_TOKEN_TTL_MS),
    testControls: options.testControls ?? false,
    reset() {
      clock.reset();
      store.clear();
      limiter.clear();
      faults.clear();
      state.calls.length = 0;
    },
  };
  return state;
}
