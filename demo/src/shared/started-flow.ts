// The page's memory of the flow it started in this tab (from `faceid-start`), until a result settles it. It serves
// two purposes: the BizToken for the server's decision, and noticing a return *without* `?token=`.

const bizTokenKey = () => `faceid-demo:bizToken:${location.pathname}`;
const RETURN_TOKEN_PARAM = 'token';

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

/**
 * Call before the element connects. FaceID's hosted page returns with `?token=BizToken`; but a user may also
 * come back another way (the simulator's "Back to site" link, the back button). When this tab started a flow
 * that no result has settled yet, put its BizToken in the address as the redirect would: the element then
 * removes it at once and reads where the flow stands ("Verification not completed" when it never finished).
 */
export function resumeUnsettledFlow(): void {
  const bizToken = sessionStorage.getItem(bizTokenKey());
  const url = new URL(location.href);
  if (bizToken === null || url.searchParams.has(RETURN_TOKEN_PARAM)) return;
  url.searchParams.set(RETURN_TOKEN_PARAM, bizToken);
  history.replaceState(history.state, '', url);
}
