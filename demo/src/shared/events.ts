// The demo's live event log: every `faceid-*` event the element fires, with its detail. Kept in sessionStorage
// so the log survives the round trip to the hosted page (one log per page and tab, like the element's flow).

/** Every event `<faceid-verify>` fires (design.md, "The element"). */
export const FACEID_EVENTS = [
  'faceid-statechange',
  'faceid-start',
  'faceid-redirect',
  'faceid-result',
  'faceid-error',
] as const;

export type FaceIdEventType = (typeof FACEID_EVENTS)[number];

export interface LogEntry {
  /** Position in this tab's log, from 1. */
  id: number;
  /** Wall-clock time, `HH:MM:SS.mmm`. */
  at: string;
  type: string;
  /** The event's detail as indented JSON, or `null` when it has none. */
  detail: string | null;
}

const storageKey = () => `faceid-demo:log:${location.pathname}`;
const MAX_ENTRIES = 60;

/** Calls `onEvent` for each `faceid-*` event reaching `target`; returns the function that removes the listeners. */
export function listenToFaceIdEvents(target: EventTarget, onEvent: (event: Event) => void): () => void {
  for (const type of FACEID_EVENTS) target.addEventListener(type, onEvent);
  return () => {
    for (const type of FACEID_EVENTS) target.removeEventListener(type, onEvent);
  };
}

/** Adds the event to this page's stored log and returns the whole log, newest first. */
export function recordEvent(event: Event): LogEntry[] {
  const log = readLog().reverse();
  const detail = event instanceof CustomEvent && event.detail !== undefined ? event.detail : null;
  log.push({
    id: (log.at(-1)?.id ?? 0) + 1,
    at: new Date().toISOString().slice(11, 23),
    type: event.type,
    detail: detail === null ? null : JSON.stringify(detail, null, 2),
  });
  const kept = log.slice(-MAX_ENTRIES).reverse();
  sessionStorage.setItem(storageKey(), JSON.stringify(kept));
  return kept;
}

/** This page's stored log, newest first (empty when none or unreadable). */
export function readLog(): LogEntry[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(storageKey()) ?? '[]');
    return Array.isArray(parsed) ? (parsed as LogEntry[]) : [];
  } catch {
    return [];
  }
}

export function clearLog(): void {
  sessionStorage.removeItem(storageKey());
}
