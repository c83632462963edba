/**
 * In-memory BizTokens and SdkTokens with Tencent's two lifetimes (faceid-api.md §1.4): an issue-to-start
 * expiry (`InvalidParameterValue.BizTokenExpired` for a flow never finished in time) and a result-retention
 * expiry counted from issue. All times are ms on the simulator's clock.
 */
import { SimulatorApiError } from './api-error.js';
import { buildVerdict, type Verdict } from './outcomes.js';
import type { Outcome } from './types.js';

/**
 * `web-intl`: ApplyWebVerificationBizTokenIntl; `web-legacy`: ApplyWebVerificationToken;
 * `sdk`: GetFaceIdTokenIntl; `ekyc`: ApplySdkVerificationToken.
 */
export type FlowKind = 'web-intl' | 'web-legacy' | 'sdk' | 'ekyc';

export interface FlowInit {
  kind: FlowKind;
  /** `X-TC-Region` of the issuing call; reads must come from the same region. Null = any. */
  region: string | null;
  startTtlMs: number;
  redirectUrl?: string;
  /** Hosted-page settings from `Config`. */
  language?: string;
  themeColor?: string;
  /** `Config.CheckMode` (1 and 4 include OCR). */
  checkMode?: number;
  extra?: string | null;
  /** The SDK flow compares faces (GetFaceIdTokenIntl `CheckMode` = compare, eKYC). */
  compare?: boolean;
}

export interface Flow extends FlowInit {
  token: string;
  issuedAt: number;
  verdict: Verdict | null;
}

/** `open`: may still be started; `finished`: has a verdict; `expired`: never finished in time; `gone`: past retention. */
export type FlowState = 'open' | 'finished' | 'expired' | 'gone';

export class FlowStore {
  readonly #flows = new Map<string, Flow>();
  readonly #resultTtlMs: number;
  #lastPruneAt = -Infinity;

  constructor(resultTtlMs: number) {
    this.#resultTtlMs = resultTtlMs;
  }

  issue(init: FlowInit, nowMs: number): Flow {
    this.#prune(nowMs);
    const flow: Flow = { ...init, token: crypto.randomUUID().toUpperCase(), issuedAt: nowMs, verdict: null };
    this.#flows.set(flow.token, flow);
    return flow;
  }

  get(token: string): Flow | undefined {
    return this.#flows.get(token);
  }

  state(flow: Flow, nowMs: number): FlowState {
    if (nowMs >= flow.issuedAt + this.#resultTtlMs) return 'gone';
    if (flow.verdict && flow.verdict.outcome !== 'abandon') return 'finished';
    return nowMs >= flow.issuedAt + flow.startTtlMs ? 'expired' : 'open';
  }

  /**
   * The flow a result call may read.
   * @throws {SimulatorApiError} `InvalidParameterValue.BizTokenIllegal` for an unknown token, one of another
   *   kind or region; `InvalidParameterValue.BizTokenExpired` when expired or past retention.
   */
  read(token: string, kinds: readonly FlowKind[], region: string | null, nowMs: number): Flow {
    const flow = this.#flows.get(token);
    if (!flow || !kinds.includes(flow.kind) || (flow.region !== null && region !== null && flow.region !== region)) {
      throw new SimulatorApiError('InvalidParameterValue.BizTokenIllegal');
    }
    const state = this.state(flow, nowMs);
    if (state === 'expired' || state === 'gone') throw new SimulatorApiError('InvalidParameterValue.BizTokenExpired');
    return flow;
  }

  /** Records `outcome` for an open flow (or overrides a verdict when `force`); returns the new state's reason when refused. */
  record(token: string, outcome: Outcome, nowMs: number, force = false): Flow | FlowState | 'unknown' {
    const flow = this.#flows.get(token);
    if (!flow) return 'unknown';
    const state = this.state(flow, nowMs);
    if (state !== 'open' && !(force && state === 'finished')) return state;
    flow.verdict = buildVerdict(outcome, nowMs);
    return flow;
  }

  clear(): void {
    this.#flows.clear();
    this.#lastPruneAt = -Infinity;
  }

  /** Drops flows past retention, at most once a minute so issuing stays O(1) amortised. */
  #prune(nowMs: number): void {
    if (nowMs - this.#lastPruneAt < 60_000) return;
    this.#lastPruneAt = nowMs;
    for (const [token, flow] of this.#flows) {
      if (nowMs >= flow.issuedAt + this.#resultTtlMs) this.#flows.delete(token);
    }
  }
}
