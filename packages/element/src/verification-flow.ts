import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FaceIdEventDetail, FaceIdEventName } from './events.js';
import { clearFlow, loadFlow, saveFlow, type StoredFlow } from './flow-store.js';
import type { HostedPageLanguage } from './messages/index.js';
import { createSession, fetchResult, ProxyError } from './proxy-api.js';
import type { FaceIdErrorDetail, FaceIdState, WebVerificationResult } from './states.js';

/** Waits (ms) between result reads while the status is still `incomplete` right after return. */
export const DEFAULT_INCOMPLETE_RETRY_DELAYS_MS: readonly number[] = [400, 800, 1600];

/** What the flow reads from its element at the start of every run. */
export interface FlowOptions {
  proxy: string;
  redirectUrl: string;
  language: HostedPageLanguage;
  timeoutMs: number;
  incompleteRetryDelays: readonly number[];
}

/** The element's side of the flow: its options, its events and its `state` attribute. */
export interface FlowBindings {
  options(): FlowOptions;
  /** Dispatches a `faceid-…` event; returns false when a cancelable one was cancelled. */
  emit<K extends FaceIdEventName>(name: K, detail: FaceIdEventDetail<K>, cancelable?: boolean): boolean;
  stateChanged(state: FaceIdState, previous: FaceIdState): void;
}

/**
 * The redirect flow as a reactive controller: `start()` (POST /web/sessions, store, redirect) and
 * `checkResult()` (POST /web/results), each a run with its own AbortController. A newer run aborts the older
 * one, whose late answers are then ignored; disconnecting the host aborts the current run and its timers.
 * Methods resolve to true when their run settled (was not superseded).
 */
export class VerificationFlow implements ReactiveController {
  state: FaceIdState = 'idle';
  result: WebVerificationResult | null = null;
  error: FaceIdErrorDetail | null = null;
  #run: AbortController | null = null;
  #bizToken: string | null = null;
  #retry: (() => Promise<boolean>) | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #bindings: FlowBindings;

  constructor(host: ReactiveControllerHost, bindings: FlowBindings) {
    this.#host = host;
    this.#bindings = bindings;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#run?.abort();
    this.#run = null;
    if (this.state === 'starting' || this.state === 'checking') this.#setState('idle');
  }

  async start(): Promise<boolean> {
    const signal = this.#begin();
    const options = this.#bindings.options();
    this.#retry = () => this.start();
    if (!options.proxy) return this.fail(missingProxy());
    this.#setState('starting');
    try {
      const { redirectUrl, language, timeoutMs } = options;
      const session = await createSession(options.proxy, { redirectUrl, language }, { signal, timeoutMs });
      const { bizToken, binding, verificationUrl, expiresAt } = session;
      saveFlow({ bizToken, binding, proxy: options.proxy, redirectUrl, createdAt: Date.now() });
      this.#bizToken = bizToken;
      this.#bindings.emit('faceid-start', { bizToken, verificationUrl, expiresAt });
      if (signal.aborted) return false;
      this.#setState('redirecting');
      const proceed = this.#bindings.emit('faceid-redirect', { bizToken, verificationUrl }, true);
      if (proceed && !signal.aborted) location.assign(verificationUrl);
      return !signal.aborted;
    } catch (error) {
      return this.#failRun(error, signal);
    }
  }

  /**
   * Reads the result of `bizToken` (default: the current flow's) with its stored binding. `afterReturn`: the user
   * just came back, so an `incomplete` status is read again after each of the retry delays before it is final.
   */
  async checkResult(bizToken = this.#bizToken, afterReturn = false): Promise<boolean> {
    const signal = this.#begin();
    const options = this.#bindings.options();
    this.#retry = () => this.checkResult(bizToken);
    if (!options.proxy) return this.fail(missingProxy());
    const flow = bizToken ? loadFlow(bizToken) : null;
    if (!flow) return this.fail(sessionNotFound());
    this.#bizToken = flow.bizToken;
    this.#setState('checking');
    try {
      const result = await this.#readResult(options, flow, afterReturn ? options.incompleteRetryDelays : [], signal);
      clearFlow(flow.bizToken);
      this.result = result;
      this.#setState(result.status);
      this.#bindings.emit('faceid-result', result);
      return !signal.aborted;
    } catch (error) {
      // Final too (binding_invalid, …): a later load must not resume this flow.
      if (error instanceof ProxyError && !error.retryable) clearFlow(flow.bizToken);
      return this.#failRun(error, signal);
    }
  }

  /** Repeats the step that failed (after a retryable error). */
  retry(): Promise<boolean> {
    return this.#retry?.() ?? this.start();
  }

  reset(): void {
    this.#run?.abort();
    this.#run = null;
    this.result = null;
    this.error = null;
    this.#bizToken = null;
    this.#retry = null;
    this.#setState('idle');
  }

  /** Ends the current run in the `error` state and fires `faceid-error`. */
  fail(error: ProxyError): false {
    // Own fields (code, retryable, upstreamCode) and the message, which Error keeps non-enumerable.
    this.error = { ...error, message: error.message };
    // An operator's mistake (missing_proxy, cors_refused, origin_not_allowed, redirect_not_allowed): one warning
    // with the code and the message, which names what to fix (the attribute, or the proxy's variable).
    if (/allowed|cors|missing/.test(error.code)) console.warn('<faceid-verify>', error.code, error.message);
    this.#setState('error');
    this.#bindings.emit('faceid-error', this.error);
    return false;
  }

  async #readResult(options: FlowOptions, flow: StoredFlow, delays: readonly number[], signal: AbortSignal) {
    const body = { bizToken: flow.bizToken, binding: flow.binding };
    for (let attempt = 0; ; attempt += 1) {
      const result = await fetchResult(options.proxy, body, { signal, timeoutMs: options.timeoutMs });
      const delay = delays[attempt];
      if (result.status !== 'incomplete' || delay === undefined) return result;
      await wait(delay, signal);
    }
  }

  #begin(): AbortSignal {
    this.#run?.abort();
    this.#run = new AbortController();
    this.result = null;
    this.error = null;
    return this.#run.signal;
  }

  #failRun(error: unknown, signal: AbortSignal): boolean {
    if (signal.aborted) return false;
    if (error instanceof ProxyError) return this.fail(error);
    return this.fail(new ProxyError('bad_response', String(error), true));
  }

  #setState(next: FaceIdState): void {
    const previous = this.state;
    if (previous === next) return;
    this.state = next;
    this.#host.requestUpdate();
    this.#bindings.stateChanged(next, previous);
  }
}

/** The `missing_proxy` error: the element cannot work without its `proxy` attribute. */
export function missingProxy(): ProxyError {
  return new ProxyError('missing_proxy', 'Set the "proxy" attribute, e.g. proxy="/faceid".', false);
}

function sessionNotFound(): ProxyError {
  return new ProxyError('session_not_found', 'No flow of this browser for this BizToken.', false);
}

/** Resolves after `ms`, or rejects at once when `signal` aborts (clearing the timer). */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
