import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { FaceIdEventDetail, FaceIdEventName } from './events.js';
import { styles } from './faceid-verify.styles.js';
import type { HandoffView } from './handoff-view.js';
import { stateIcon } from './icons.js';
import { errorCategoryFor, reasonFor } from './messages/categories.js';
import { hostedPageLanguage, resolveLocale } from './messages/locale.js';
import { loadMessages, messagesFor } from './messages/load.js';
import type { Locale, Messages } from './messages/types.js';
import { findUnsettledFlow } from './flow-store.js';
import { autoMode, parseMode, type FaceIdMode, type FlowMode } from './modes.js';
import { DEFAULT_TIMEOUT_MS, ProxyError } from './proxy-api.js';
import { currentPageUrl, takeReturnToken } from './return-url.js';
import {
  BUSY_STATES,
  type FaceIdState,
  type FaceIdErrorDetail,
  type ResultStatus,
  type WebVerificationResult,
} from './states.js';
import { DEFAULT_INCOMPLETE_RETRY_DELAYS_MS, VerificationFlow, type FlowOptions } from './verification-flow.js';

/**
 * Verifies the user's identity with Tencent Cloud FaceID (eKYC) web verification, through your
 * faceid-verify signing proxy. A click (or `auto-start`) asks the proxy for a session
 * (`POST {proxy}/web/sessions`), remembers `{bizToken, binding}` in sessionStorage and sends the browser to
 * FaceID's hosted page. When the user comes back to the page with `?token=`, the element removes the token
 * from the address bar before anything else, reads the result (`POST {proxy}/web/results`), shows it and
 * fires `faceid-result`. The result in the browser is advisory: your server decides from the proxy's answer.
 *
 * A user may also come back WITHOUT `?token=` (the hosted page's "back" link, the browser's back button). Then a
 * freshly connected element resumes the newest flow this tab started (sessionStorage only) with the same `proxy`
 * for the same page (RedirectURL's origin + pathname) less than 15 minutes ago that no result settled, exactly
 * like a return: it reads the result, so an unfinished one shows `incomplete` ("Verification not completed").
 * A settled flow is forgotten, so the next load is `idle`. Resuming takes precedence over `auto-start`. When the
 * browser restores the page from its back/forward cache (`pageshow` with `persisted`), the element resumes the same
 * way; still `redirecting`, it reads its own flow.
 *
 * The `state` attribute follows the flow (`idle`, `starting`, `redirecting`, `checking`, `passed`, `failed`,
 * `incomplete`, `expired`, `error`), so page CSS can style `faceid-verify[state="passed"]`.
 *
 * @example
 * ```html
 * <script type="module" src="https://unpkg.com/@faceid-verify/element/dist/faceid-verify.bundle.js"></script>
 * <faceid-verify proxy="/faceid" lang="th"></faceid-verify>
 * ```
 *
 * @summary A button that runs Tencent Cloud FaceID web verification through your signing proxy and shows the result.
 * @tagname faceid-verify
 *
 * @event {CustomEvent<FaceIdStateChangeDetail>} faceid-statechange - The `state` changed; detail `{state, previous}`.
 * @event {CustomEvent<FaceIdStartDetail>} faceid-start - The proxy created a session; detail `{bizToken, verificationUrl, expiresAt}`.
 * @event {CustomEvent<FaceIdRedirectDetail>} faceid-redirect - About to open the hosted page; cancel it to navigate yourself.
 * @event {CustomEvent<WebVerificationResult>} faceid-result - A result was read; detail is the proxy's WebVerificationResult.
 * @event {CustomEvent<FaceIdErrorDetail>} faceid-error - A step failed; detail `{code, message, retryable}`.
 *
 * @csspart status - The live region (`role="status"`) holding the progress or the result.
 * @csspart heading - The result heading, focused after the return from the hosted page.
 * @csspart message - The progress text or the human reason under the heading.
 * @csspart spinner - The progress indicator (still when `prefers-reduced-motion: reduce`).
 * @csspart button - The start button ("Verify identity", or "Try again" after a result).
 * @csspart retry - The "Try again" button after a retryable error.
 *
 * @cssproperty [--faceid-accent=#1d4ed8] - Button background and focus ring.
 * @cssproperty [--faceid-accent-contrast=#ffffff] - Button text.
 * @cssproperty [--faceid-radius=0.5rem] - Button corner radius.
 * @cssproperty [--faceid-font-family=inherit] - Font of every text.
 * @cssproperty [--faceid-success-color=#166534] - Heading colour when passed.
 * @cssproperty [--faceid-danger-color=#b91c1c] - Heading colour when failed or on error.
 * @cssproperty [--faceid-focus-color=var(--faceid-accent)] - Focus ring colour.
 * @cssproperty [--faceid-gap=0.75rem] - Space between the status and the button.
 */
export class FaceIdVerifyElement extends LitElement {
  static override styles = styles;

  static override properties = {
    proxy: { type: String },
    redirectUrl: { type: String, attribute: 'redirect-url' },
    autoStart: { type: Boolean, attribute: 'auto-start' },
    mode: { type: String },
    // Observes the native `lang` attribute (a change re-renders) without shadowing the native `lang` property.
    _lang: { attribute: 'lang' },
  };

  /**
   * Base URL of the signing proxy (required), e.g. `/faceid` or `https://kyc.example.com/faceid`. Until it is set
   * the element stays `idle` (a return's `?token=` waits for it); `start()` without it fails with `missing_proxy`.
   */
  declare proxy: string;
  /** Where the hosted page sends the user back; default this page without `token`. Must be allowed by the proxy. */
  declare redirectUrl: string;
  /** Start as soon as the element is connected, unless it resumes a flow (a return, with or without `?token=`). */
  declare autoStart: boolean;
  /** `redirect` (default), `tab`, `handoff` or `auto` (see FaceIdMode); read when a flow starts. Unknown: redirect. */
  declare mode: FaceIdMode;
  /** Timeout (ms) of each request to the proxy. */
  timeoutMs = DEFAULT_TIMEOUT_MS;
  /** Waits (ms) before reading an `incomplete` result again right after return; one retry per entry. */
  incompleteRetryDelays: readonly number[] = DEFAULT_INCOMPLETE_RETRY_DELAYS_MS;

  #flow = new VerificationFlow(this, {
    options: () => this.#flowOptions(),
    emit: (name, detail, cancelable) => this.#emit(name, detail, cancelable),
    stateChanged: (state, previous) => {
      this.setAttribute('state', state);
      this.#emit('faceid-statechange', { state, previous });
    },
  });
  /** The mode of the last flow started here (`auto` resolved). */
  #running: FlowMode = 'redirect';
  /** The handoff view, once its chunk (with the QR encoder) is loaded. */
  #handoff: HandoffView | null = null;

  constructor() {
    super();
    this.proxy = '';
    this.redirectUrl = '';
    this.autoStart = false;
    this.mode = 'redirect';
  }

  /** Where the flow is; reflected as the `state` attribute. */
  get state(): FaceIdState {
    return this.#flow.state;
  }

  /** The last WebVerificationResult read, or null. Advisory: your server decides from the proxy's answer. */
  get result(): WebVerificationResult | null {
    return this.#flow.result;
  }

  /** The last error (`faceid-error` detail) while `state` is `error`, else null. */
  get error(): FaceIdErrorDetail | null {
    return this.#flow.error;
  }

  /**
   * Starts a new verification, aborting any run in progress. In tab mode call it in a click (or key) handler: the
   * new tab is opened synchronously, before anything else, as popup blockers require. Resolves once the redirect
   * is under way (redirect mode), or the flow settled or failed (tab and handoff modes).
   */
  async start(): Promise<void> {
    const mode = parseMode(this.mode);
    const popup = mode === 'tab' ? open('', '_blank') : null;
    const running = (this.#running = mode === 'auto' ? await autoMode() : mode);
    if (running === 'handoff') this.#loadHandoffView();
    await this.#flow.start(running, popup);
  }

  /** Reads the current flow's result again (e.g. after an error). Resolves once it settled or failed. */
  async checkResult(): Promise<void> {
    await this.#flow.checkResult();
  }

  /** Aborts any run in progress and returns to `idle`. */
  reset(): void {
    this.#flow.reset();
  }

  override connectedCallback(): void {
    const token = takeReturnToken(); // First of all: the BizToken leaves the address bar.
    super.connectedCallback();
    window.addEventListener('pageshow', this.#pageShown);
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
    this.#arrival = { token: token ?? this.#arrival?.token ?? null };
    this.#arrive();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#pageShown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A server-rendered page (Next.js, Nuxt) connects the element before its framework sets `proxy`.
    if (changed.has('proxy')) this.#arrive();
  }

  /** What the connection found (the `?token=` it took), kept until `proxy` is known. */
  #arrival: { token: string | null } | undefined;

  /** Once `proxy` is set: resume the flow the user came back to, else honour `auto-start`. Until then, `idle`. */
  #arrive(): void {
    if (!this.proxy || !this.#arrival) return;
    // Again: a router may have put the address back while hydrating (Next.js's app router does).
    const token = takeReturnToken() ?? this.#arrival.token;
    this.#arrival = undefined;
    if (!this.#resume(token) && this.autoStart && this.state === 'idle') void this.start();
  }

  /** Renders once the language's messages are there: at once when loaded (English always), else after its chunk. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return loadMessages(this.#locale())?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    const t = messagesFor(this.#locale());
    const handoffUrl = this.#flow.handoffUrl;
    return html`${handoffUrl && this.#handoff ? this.#handoff.render(handoffUrl, t) : nothing}
      <div part="status" role="status">${this.#renderStatus(t)}</div>
      ${this.#renderAction(t)}`;
  }

  #renderStatus(t: Messages): TemplateResult | typeof nothing {
    const state = this.state;
    if (BUSY_STATES.has(state)) {
      const away = this.#flow.handoffUrl ? t.waitingForPhone : this.#running === 'tab' ? t.inTab : t.starting;
      const text = state === 'checking' ? t.checking : state === 'redirecting' ? away : t.starting;
      return html`<p><span part="spinner"></span><span part="message">${text}</span></p>`;
    }
    if (state === 'idle') return nothing;
    const message = this.#reason(t);
    const settled = state as ResultStatus | 'error';
    return html`<h2 part="heading" tabindex="-1">${stateIcon(settled)}${t[settled]}</h2>
      ${message ? html`<p part="message">${message}</p>` : nothing}`;
  }

  /** The next action: start, "Try again" (or "Continue on your phone" in handoff mode), "Start over", retry. */
  #renderAction(t: Messages): TemplateResult | typeof nothing {
    const state = this.state;
    if (BUSY_STATES.has(state) || state === 'passed') return nothing;
    const error = this.error;
    if (state === 'error' && error?.retryable) {
      const retry = () => void (this.#flow.retry() ?? this.start());
      return html`<button part="retry" type="button" @click=${retry}>${t.retry}</button>`;
    }
    if (error?.code === 'missing_proxy') return nothing;
    const again = this.#running === 'handoff' ? t.continueOnPhone : t.retry;
    const label = state === 'idle' ? t.start : state === 'expired' || state === 'error' ? t.startOver : again;
    return html`<button part="button" type="button" @click=${() => void this.start()}>${label}</button>`;
  }

  /** Fetches the handoff view's chunk (the QR encoder comes with it), once. */
  #loadHandoffView(): void {
    import('./handoff-view.js').then(
      ({ HandoffView }) => {
        this.#handoff ??= new HandoffView(this);
        this.requestUpdate();
      },
      (error: unknown) => this.#flow.fail(new ProxyError('bad_response', String(error), true)),
    );
  }

  #reason(t: Messages): string | null {
    if (this.state === 'error') {
      const category = errorCategoryFor(this.error?.code ?? '');
      return category && t.errorReason[category];
    }
    const reason = this.result && reasonFor(this.result);
    return reason ? t.reason[reason] : null;
  }

  /**
   * The page came back from the back/forward cache: frozen, not reloaded, so no element connects again. Resume as a
   * fresh load would; still `redirecting` (the user left for the hosted page), read this element's own flow.
   */
  #pageShown = (event: PageTransitionEvent): void => {
    if (event.persisted && !this.#resume(takeReturnToken()) && this.state === 'redirecting') {
      void this.#resumeAfterReturn();
    }
  };

  /**
   * Resumes the flow the user came back to, like a return, and tells whether it did: `?token=`'s, else (a "back"
   * link, the back button) while `idle`, this tab's newest unsettled flow for this proxy and page.
   */
  #resume(token: string | null): boolean {
    const { proxy, redirectUrl } = this.#flowOptions();
    const bizToken = token ?? (this.state === 'idle' ? findUnsettledFlow(proxy, redirectUrl)?.bizToken : null);
    if (bizToken) void this.#resumeAfterReturn(bizToken);
    return !!bizToken;
  }

  /** Reads the result of `bizToken` (default: the current flow's) and focuses its heading. */
  async #resumeAfterReturn(bizToken?: string): Promise<void> {
    const settled = await this.#flow.checkResult(bizToken, true);
    if (!settled || !this.isConnected) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
  }

  #flowOptions(): FlowOptions {
    return {
      proxy: this.proxy,
      redirectUrl: this.redirectUrl || currentPageUrl(),
      language: hostedPageLanguage(this.#locale()),
      timeoutMs: this.timeoutMs,
      incompleteRetryDelays: this.incompleteRetryDelays,
    };
  }

  /** The UI (and hosted page) language: from the nearest `[lang]`, across shadow roots; English by default. */
  #locale(): Locale {
    return resolveLocale(nearestLang(this));
  }

  #emit<K extends FaceIdEventName>(name: K, detail: FaceIdEventDetail<K>, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }
}

/** The `lang` of the nearest ancestor-or-self that has one, across shadow roots. */
function nearestLang(element: Element): string | null {
  const tagged = element.closest('[lang]');
  if (tagged) return tagged.getAttribute('lang');
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? nearestLang(root.host) : null;
}
