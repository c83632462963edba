import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FaceIdEventDetail, FaceIdEventName } from './events.js';
import { clearFlow, loadFlow, saveFlow, type StoredFlow } from './flow-store.js';
import type { HostedPageLanguage } from './messages/locale.js';
import type { FlowMode } from './modes.js';
import { createSession, fetchResult, proxyEndpoint, ProxyError, waitForResult } from './proxy-api.js';
import type { FaceIdErrorDetail, FaceIdState, WebVerificationResult } from './states.js';

/** Answers after which a stored flow can never be read: its binding is refused, or the proxy has no such flow. */
const UNREADABLE: readonly string[] = ['binding_invalid', 'session_not_found', 'not_found'];

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
 * The flow as a reactive controller: `start(mode)` (POST /web/sessions, store, then per mode: redirect this tab,
 * point the new tab at the hosted page and read the result once it returns, or show the handoff link and wait for
 * the verdict) and `checkResult()` (POST /web/results), each a run with its own AbortController. A newer run
 * aborts the older one, whose late answers are then ignored; disconnecting the host aborts the current run and its
 * timers (a handoff wait starts again when the host is connected again). Methods resolve to true when their run
 * settled (was not superseded).
 */
export class VerificationFlow implements ReactiveController {
  state: FaceIdState = 'idle';
  result: WebVerificationResult | null = null;
  error: FaceIdErrorDetail | null = null;
  /** Handoff mode, while `redirecting`: the link for the phone (`{proxy}/web/handoff/{bizToken}`). */
  handoffUrl: string | null = null;
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

  hostConnected(): void {
    if (this.handoffUrl && this.state === 'redirecting') void this.#retry?.(); // the handoff wait, again
  }

  /**
   * Starts a flow in `mode`. Tab mode: `popup` is the window the caller opened in the click (null: blocked, the
   * retryable error `popup_blocked`); it is closed when the flow fails or is cancelled before it got there.
   */
  async start(mode: FlowMode = 'redirect', popup: Window | null = null): Promise<boolean> {
    const signal = this.#begin();
    const options = this.#bindings.options();
    const { proxy, redirectUrl, language, timeoutMs } = options;
    this.#retry = null; // the element starts again (tab mode needs a window opened in that click)
    if (!proxy) return this.fail(missingProxy());
    if (mode === 'tab' && !popup) return this.fail(popupBlocked());
    this.#setState('starting');
    try {
      const request = mode === 'redirect' ? { redirectUrl, language } : { language, mode };
      const session = await createSession(proxy, request, { signal, timeoutMs });
      const { bizToken, binding, verificationUrl, expiresAt, handoffUrl } = session;
      const flow = { bizToken, binding, proxy, redirectUrl, createdAt: Date.now() };
      saveFlow(flow);
      this.#bizToken = bizToken;
      this.#bindings.emit('faceid-start', { bizToken, verificationUrl, expiresAt, handoffUrl });
      if (signal.aborted) return false;
      if (mode === 'handoff') return await this.#follow(flow, handoffUrl ?? '');
      this.#setState('redirecting');
      const proceed = this.#bindings.emit('faceid-redirect', { bizToken, verificationUrl }, true);
      if (!proceed || signal.aborted) return (popup?.close(), !signal.aborted); // the page navigates itself
      if (!popup) return (location.assign(verificationUrl), true);
      popup.location.href = verificationUrl;
      // Tab mode's code is a chunk of its own: the tab is open already, the user is busy there meanwhile.
      const { untilTabReturned } = await import('./tab-return.js');
      await untilTabReturned(popup, bizToken, new URL(proxyEndpoint(proxy, '')).origin, signal);
      return await this.checkResult(bizToken, true);
    } catch (error) {
      popup?.close();
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
    const delays = afterReturn ? options.incompleteRetryDelays : [];
    return this.#settle(flow, this.#readResult(options, flow, delays, signal), signal);
  }

  /** Repeats the step that failed (after a retryable error); null when that step was the start. */
  retry(): Promise<boolean> | null {
    return this.#retry?.() ?? null;
  }

  reset(): void {
    this.#run?.abort();
    this.#run = null;
    this.result = null;
    this.error = null;
    this.#bizToken = null;
    this.#retry = null;
    this.handoffUrl = null;
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

  /** Handoff: shows the link for the phone (`redirecting`) and waits for the verdict from the proxy's ledger. */
  #follow(flow: StoredFlow, handoffUrl: string): Promise<boolean> {
    const signal = this.#begin();
    const { proxy, timeoutMs } = this.#bindings.options();
    this.#retry = () => this.#follow(flow, handoffUrl);
    this.handoffUrl = handoffUrl;
    this.#setState('redirecting');
    // Only the two fields: the proxy's schema is strict.
    const body = { bizToken: flow.bizToken, binding: flow.binding };
    return this.#settle(flow, waitForResult(proxy, body, { signal, timeoutMs }), signal);
  }

  /** Shows the result `reading` resolves to and forgets the flow; or the error it rejects with. */
  async #settle(flow: StoredFlow, reading: Promise<WebVerificationResult>, signal: AbortSignal): Promise<boolean> {
    try {
      const result = await reading;
      clearFlow(flow.bizToken);
      this.handoffUrl = null;
      this.result = result;
      this.#setState(result.status);
      this.#bindings.emit('faceid-result', result);
      return !signal.aborted;
    } catch (error) {
      // Only a flow that can never be read again is forgotten; after any other failure (proxy down, CORS, a bad
      // answer) "Try again" or a reload reads the same flow.
      if (error instanceof ProxyError && UNREADABLE.includes(error.code)) clearFlow(flow.bizToken);
      return this.#failRun(error, signal);
    }
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
    this.handoffUrl = null;
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

function popupBlocked(): ProxyError {
  return new ProxyError('popup_blocked', 'The browser blocked the new tab.', true);
}

function sessionNotFound(): ProxyError {
  return new ProxyError('session_not_found', 'No flow of this browser for this BizToken.', false);
}

/** Resolves after `ms`, or rejects at once when `signal` aborts (clearing the timer) or already did. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
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
