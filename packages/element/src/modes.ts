/**
 * How the hosted page is opened (the `mode` attribute), as a const object plus a union type:
 * - `redirect` (default): this tab goes to the hosted page and comes back with `?token=`;
 * - `tab`: a new tab opened in the click; the proxy's return page tells this one, which reads the result;
 * - `handoff`: a QR code and a link for a phone; this page follows the verdict live from the proxy;
 * - `auto`: `handoff` on a device with no camera or a desktop pointer, else `redirect` (see autoMode).
 */
export const FaceIdMode = { redirect: 'redirect', tab: 'tab', handoff: 'handoff', auto: 'auto' } as const;

export type FaceIdMode = (typeof FaceIdMode)[keyof typeof FaceIdMode];

/** What a flow actually runs: `auto` resolved. */
export type FlowMode = Exclude<FaceIdMode, 'auto'>;

/** The mode an attribute value names, leniently: unknown or missing values are `redirect`. */
export function parseMode(value: string | null | undefined): FaceIdMode {
  const mode = value?.toLowerCase() ?? '';
  return /^(tab|handoff|auto)$/.test(mode) ? (mode as FaceIdMode) : 'redirect';
}

/**
 * `auto`, resolved when a flow starts: `handoff` when the primary pointer is fine (a mouse or trackpad:
 * `matchMedia('(pointer: fine)')`, a desktop or laptop) or the browser lists no camera
 * (`navigator.mediaDevices.enumerateDevices()` has no `videoinput`, which needs no permission); else (a phone or
 * tablet with a camera) `redirect`. Where the camera cannot be listed (no `mediaDevices`: insecure context, old
 * WebView), the pointer alone decides.
 */
export async function autoMode(): Promise<FlowMode> {
  if (matchMedia('(pointer: fine)').matches) return 'handoff';
  const devices = await navigator.mediaDevices?.enumerateDevices().catch(() => null);
  return devices && !devices.some((device) => device.kind === 'videoinput') ? 'handoff' : 'redirect';
}
