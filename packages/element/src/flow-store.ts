/**
 * Remembers a started flow across the redirect to the hosted page: `{bizToken, binding, proxy, redirectUrl,
 * createdAt}`. sessionStorage first (per tab, so two tabs keep two flows); a copy in localStorage for in-app
 * browsers that drop sessionStorage across the redirect, trusted for FLOW_FALLBACK_TTL_MS only.
 */
export interface StoredFlow {
  bizToken: string;
  binding: string;
  proxy: string;
  /** The RedirectURL the hosted page returns to; absent in entries stored before it was kept (no match). */
  redirectUrl?: string;
  /** ms since the epoch. */
  createdAt: number;
}

/** How long (ms) the localStorage copy stays valid: 15 minutes, past the BizToken's 10 to start. */
export const FLOW_FALLBACK_TTL_MS = 15 * 60 * 1000;

const KEY_PREFIX = 'faceid-verify:flow:';

export function saveFlow(flow: StoredFlow): void {
  const value = JSON.stringify(flow);
  for (const storage of storages()) {
    try {
      storage?.setItem(KEY_PREFIX + flow.bizToken, value);
    } catch {
      // Quota or privacy mode: the other storage may still work.
    }
  }
}

/** The flow started for this BizToken in this browser, or null. `now` in ms since the epoch. */
export function loadFlow(bizToken: string, now = Date.now()): StoredFlow | null {
  const [session, local] = storages();
  const fromSession = session ? read(session, bizToken) : null;
  if (fromSession) return fromSession;
  const fromLocal = local ? read(local, bizToken) : null;
  if (fromLocal && now - fromLocal.createdAt <= FLOW_FALLBACK_TTL_MS) return fromLocal;
  return null;
}

/**
 * The newest flow this tab started (sessionStorage only: never another tab's) with this proxy, for this page
 * (RedirectURL's origin + pathname), less than FLOW_FALLBACK_TTL_MS before `now` (ms since the epoch), or null.
 * Finds the flow of a user who came back without `?token=` (a "back" link, the back button).
 */
export function findUnsettledFlow(proxy: string, redirectUrl: string, now = Date.now()): StoredFlow | null {
  const session = storages()[0];
  const page = pageOf(redirectUrl);
  let found: StoredFlow | null = null;
  if (!session || !page) return found;
  for (const [, flow] of flowEntries(session)) {
    const current =
      flow?.proxy === proxy && pageOf(flow.redirectUrl) === page && now - flow.createdAt < FLOW_FALLBACK_TTL_MS;
    if (current && flow.createdAt > (found?.createdAt ?? 0)) found = flow;
  }
  return found;
}

/** Forgets the flow, and drops expired localStorage copies left by other flows. */
export function clearFlow(bizToken: string, now = Date.now()): void {
  for (const storage of storages()) {
    try {
      storage?.removeItem(KEY_PREFIX + bizToken);
    } catch {
      // Storage unavailable: nothing to clear.
    }
  }
  pruneExpired(now);
}

function pruneExpired(now: number): void {
  const local = storages()[1];
  if (!local) return;
  for (const [key, flow] of flowEntries(local)) {
    if (!flow || now - flow.createdAt > FLOW_FALLBACK_TTL_MS) local.removeItem(key);
  }
}

/** The flow entries in `storage`: [key, the flow or null when unreadable]. */
function flowEntries(storage: Storage): [string, StoredFlow | null][] {
  const keys = Object.keys(storage).filter((key) => key.startsWith(KEY_PREFIX));
  return keys.map((key) => [key, read(storage, key.slice(KEY_PREFIX.length))]);
}

/** A URL's origin + pathname: the URL without query and fragment (undefined stays undefined). */
function pageOf(url: string | undefined): string | undefined {
  return url?.replace(/[?#].*/s, '');
}

function read(storage: Storage, bizToken: string): StoredFlow | null {
  try {
    const flow: unknown = JSON.parse(storage.getItem(KEY_PREFIX + bizToken) ?? 'null');
    return isFlow(flow) && flow.bizToken === bizToken ? flow : null;
  } catch {
    return null;
  }
}

function isFlow(value: unknown): value is StoredFlow {
  const flow = value as Partial<StoredFlow> | null;
  return typeof flow?.binding === 'string' && typeof flow.createdAt === 'number';
}

/** [sessionStorage, localStorage]; either is undefined where access throws (sandboxed iframes, some WebViews). */
function storages(): [Storage | undefined, Storage | undefined] {
  return [tryStorage(() => sessionStorage), tryStorage(() => localStorage)];
}

function tryStorage(get: () => Storage): Storage | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
