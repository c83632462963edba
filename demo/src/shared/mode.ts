// The mode switcher's choices and memory: `?mode=` in the address first (the e2e specs open pages that way, and a
// link can be shared), else the choice made earlier in this tab (sessionStorage), else `redirect`.

/** The element's modes (its `mode` attribute), with the switcher's labels. */
export const MODES = [
  { mode: 'redirect', label: 'Redirect (this tab)' },
  { mode: 'tab', label: 'New tab' },
  { mode: 'handoff', label: 'Phone (QR code)' },
  { mode: 'auto', label: 'Auto (phone from a computer)' },
] as const;

export type DemoMode = (typeof MODES)[number]['mode'];

const STORAGE_KEY = 'faceid-demo:mode';

function isMode(value: string | null): value is DemoMode {
  return MODES.some((choice) => choice.mode === value);
}

/** The mode for this page: `?mode=`, else the one chosen earlier in this tab, else `redirect`. */
export function readMode(): DemoMode {
  const fromAddress = new URLSearchParams(location.search).get('mode');
  if (isMode(fromAddress)) return fromAddress;
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return isMode(stored) ? stored : 'redirect';
}

/** Remembers the choice for this tab and puts it in the address (`?mode=`); anything unknown is `redirect`. */
export function saveMode(value: string): DemoMode {
  const mode = isMode(value) ? value : 'redirect';
  sessionStorage.setItem(STORAGE_KEY, mode);
  const url = new URL(location.href);
  url.searchParams.set('mode', mode);
  history.replaceState(history.state, '', url);
  return mode;
}
