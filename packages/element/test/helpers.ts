/**
 * Helpers for the element's browser tests: mount elements, drive the real flow against the proxy and simulator
 * started by global-setup.ts, and simulate the return from the hosted page without leaving the test page.
 */
import { afterEach, inject } from 'vitest';
import { commands } from 'vitest/browser';
import '../src/define.js';
import type { FaceIdEventMap, FaceIdRedirectDetail } from '../src/events.js';
import { saveFlow } from '../src/flow-store.js';
import type { FaceIdVerifyElement } from '../src/faceid-verify.js';
import type { FaceIdState } from '../src/states.js';
import './commands.js';

export const stack = inject('faceidStack');

/** States in which the element waits for the user (or the page). */
export const SETTLED_STATES: readonly FaceIdState[] = ['idle', 'passed', 'failed', 'incomplete', 'expired', 'error'];

const pageUrl = location.href;
const FLOW_KEY_PREFIX = 'faceid-verify:flow:';

// Each Vitest browser session (its own browser context) runs its test files one after another in iframes of one
// tab, so they share sessionStorage. A fresh element resumes the newest unsettled flow this tab started for its
// proxy and page: each test forgets its flows (both storages: loadFlow falls back to the localStorage copy), along
// with its elements and address bar.
afterEach(() => {
  for (const element of document.querySelectorAll('faceid-verify')) element.remove();
  history.replaceState(history.state, '', pageUrl);
  for (const storage of [sessionStorage, localStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith(FLOW_KEY_PREFIX)) storage.removeItem(key);
  }
});

export interface MountOptions {
  proxy?: string | null;
  lang?: string;
  /** Runs before the element is connected (listeners, properties). */
  before?: (element: FaceIdVerifyElement) => void;
}

/** Creates a `<faceid-verify>` (proxy: the test proxy unless given) and waits for its first render. */
export async function mount({ proxy = stack.mainProxyUrl, lang, before }: MountOptions = {}) {
  const element = document.createElement('faceid-verify');
  if (proxy !== null) element.setAttribute('proxy', proxy);
  if (lang) element.setAttribute('lang', lang);
  element.incompleteRetryDelays = [0, 0];
  before?.(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Every `faceid-…` event the element fires from now on, in order. */
export function recordEvents(element: HTMLElement) {
  const names = [
    'faceid-statechange',
    'faceid-start',
    'faceid-redirect',
    'faceid-result',
    'faceid-error',
  ] as const satisfies readonly (keyof FaceIdEventMap)[];
  const events: FaceIdEventMap[(typeof names)[number]][] = [];
  for (const name of names) element.addEventListener(name, (event) => events.push(event));
  return events;
}

/** Resolves once the element is in one of `states` (at once if it already is). */
export function untilState(element: FaceIdVerifyElement, states: readonly FaceIdState[] = SETTLED_STATES) {
  return new Promise<FaceIdState>((resolve) => {
    if (states.includes(element.state)) return resolve(element.state);
    const listener = (event: FaceIdEventMap['faceid-statechange']) => {
      if (!states.includes(event.detail.state)) return;
      element.removeEventListener('faceid-statechange', listener);
      resolve(event.detail.state);
    };
    element.addEventListener('faceid-statechange', listener);
  });
}

/** Starts a flow with the redirect cancelled (the test page stays), returning the `faceid-redirect` detail. */
export async function startWithoutLeaving(element: FaceIdVerifyElement): Promise<FaceIdRedirectDetail> {
  let detail: FaceIdRedirectDetail | undefined;
  element.addEventListener(
    'faceid-redirect',
    (event) => {
      event.preventDefault();
      detail = event.detail;
    },
    { once: true },
  );
  await element.start();
  if (!detail) throw new Error(`no faceid-redirect; state ${element.state}, error ${JSON.stringify(element.error)}`);
  return detail;
}

/** What the hosted page does on return: this page's URL with `token` (and `other=1`) in the query. */
export function arriveWithToken(bizToken: string): void {
  const url = new URL(pageUrl);
  url.searchParams.set('token', bizToken);
  url.searchParams.set('other', '1');
  history.replaceState(history.state, '', url.href);
}

/**
 * The way out: starts a flow (redirect cancelled, the test page stays) and lets the simulator record `outcome`
 * for its BizToken as the hosted page would (`null`: nothing). Returns the BizToken.
 */
export async function leaveForHostedPage(outcome: string | null, options: MountOptions = {}): Promise<string> {
  const starter = await mount(options);
  const { bizToken } = await startWithoutLeaving(starter);
  starter.remove();
  if (outcome) await commands.simulatorOutcome(bizToken, outcome);
  return bizToken;
}

/** The way back: connects a new element (recording its events), as the reloaded page does, and waits until it settles. */
export async function comeBack(options: MountOptions = {}) {
  let events: ReturnType<typeof recordEvents> = [];
  const before = (element: FaceIdVerifyElement) => {
    events = recordEvents(element);
    options.before?.(element);
  };
  const element = await mount({ ...options, before });
  await untilState(element);
  await element.updateComplete;
  return { element, events };
}

/** The whole round trip without leaving the page: out with `outcome`, back with `?token=`, settled. */
export async function verifyWithOutcome(outcome: string | null, options: MountOptions = {}) {
  const bizToken = await leaveForHostedPage(outcome, options);
  arriveWithToken(bizToken);
  return { ...(await comeBack(options)), bizToken };
}

/** The rendered shadow DOM node for a CSS part, or null. */
export function part(element: FaceIdVerifyElement, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Requests the page made to a path (from the Resource Timing buffer). */
export function requestsTo(path: string): number {
  return performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith(path)).length;
}

/**
 * One way to bring a fresh element into each state, with real requests. Busy states are held by the
 * never-answering server; `error` is a timeout against it (retryable, so the retry button shows).
 */
export const REACH_STATE: Record<FaceIdState, (options?: MountOptions) => Promise<FaceIdVerifyElement>> = {
  idle: (options) => mount(options),
  async starting(options) {
    const element = await mount({ ...options, proxy: stack.hangingProxyUrl });
    void element.start();
    await element.updateComplete;
    return element;
  },
  async redirecting(options) {
    const element = await mount(options);
    await startWithoutLeaving(element);
    await element.updateComplete;
    return element;
  },
  async checking(options) {
    const bizToken = crypto.randomUUID();
    saveFlow({ bizToken, binding: 'held', proxy: stack.hangingProxyUrl, createdAt: Date.now() });
    arriveWithToken(bizToken);
    return mount({ ...options, proxy: stack.hangingProxyUrl });
  },
  passed: async (options) => (await verifyWithOutcome('pass', options)).element,
  failed: async (options) => (await verifyWithOutcome('fail-liveness', options)).element,
  incomplete: async (options) => (await verifyWithOutcome('quit', options)).element,
  expired: async (options) => (await verifyWithOutcome(null, { ...options, proxy: stack.expiringProxyUrl })).element,
  async error(options) {
    const element = await mount({ ...options, proxy: stack.hangingProxyUrl, before: (el) => (el.timeoutMs = 50) });
    await element.start();
    await element.updateComplete;
    return element;
  },
};

export interface HandoffStart {
  element: FaceIdVerifyElement;
  bizToken: string;
  handoffUrl: string;
}

/**
 * Mounts an element in handoff mode against the contract server, starts it and waits until the handoff view (the
 * lazily loaded QR code) is rendered and the element's long-poll is open.
 */
export async function startHandoff(options: MountOptions = {}): Promise<HandoffStart> {
  const element = await mount({ proxy: stack.contractProxyUrl, ...options });
  element.mode = 'handoff';
  const started = new Promise<FaceIdEventMap['faceid-start']['detail']>((resolve) =>
    element.addEventListener('faceid-start', (event) => resolve(event.detail), { once: true }),
  );
  void element.start();
  const { bizToken, handoffUrl } = await started;
  if (!handoffUrl) throw new Error('faceid-start without handoffUrl in handoff mode');
  await commands.contractUntilOpenWaits(1);
  await untilRendered(element, 'qr');
  return { element, bizToken, handoffUrl };
}

/** Resolves once the element's shadow root holds the part (after its lazy chunk loaded and it re-rendered). */
export function untilRendered(element: FaceIdVerifyElement, name: string): Promise<HTMLElement> {
  return new Promise((resolve) => {
    const found = () => part(element, name);
    const now = found();
    if (now) return resolve(now);
    const observer = new MutationObserver(() => {
      const node = found();
      if (!node) return;
      observer.disconnect();
      resolve(node);
    });
    observer.observe(element.shadowRoot!, { childList: true, subtree: true });
  });
}
