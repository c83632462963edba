/**
 * Remembers a started flow across the redirect to the hosted page: `{bizToken, binding, proxy, createdAt}`.
 * sessionStorage first (per tab, so two tabs keep two flows); a copy in localStorage for in-app browsers
 * that drop sessionStorage across the redirect, trusted for FLOW_FALLBACK_TTL_MS only.
 */
export interface StoredFlow {
  bizToken: string;
  binding: string;
  proxy: string;
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
  for (const key of Object.keys(local)) {
    if (!key.startsWith(KEY_PREFIX)) continue;
    const flow = read(local, key.slice(KEY_PREFIX.length));
    if (!flow || now - flow.createdAt > FLOW_FALLBACK_TTL_MS) local.removeItem(key);
  }
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
