// The page's memory of the flow it started in this tab (from `faceid-start`), until a result settles it: the BizToken
// the integrator's backend example decides on. (A return without `?token=` is the element's business.)

const bizTokenKey = () => `faceid-demo:bizToken:${location.pathname}`;

/** Remembers the BizToken of a `faceid-start` event (detail `{bizToken, verificationUrl, expiresAt}`). */
export function rememberBizToken(event: Event): void {
  const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
  if (typeof detail === 'object' && detail !== null && 'bizToken' in detail && typeof detail.bizToken === 'string') {
    sessionStorage.setItem(bizTokenKey(), detail.bizToken);
  }
}

/** The started flow's BizToken, forgotten as it is returned (a result settles a flow once). */
export function takeStartedBizToken(): string | null {
  const bizToken = sessionStorage.getItem(bizTokenKey());
  sessionStorage.removeItem(bizTokenKey());
  return bizToken;
}
