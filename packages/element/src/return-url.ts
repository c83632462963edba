/** The query parameter Tencent's hosted page appends to RedirectURL on return: `?token=BizToken`. */
export const RETURN_TOKEN_PARAM = 'token';

/**
 * Takes `?token=` from the address bar and removes it at once with `history.replaceState`, keeping the other
 * query parameters, the fragment and `history.state`, so the BizToken does not linger in history,
 * bookmarks or Referer headers. Returns the token, or null when there is none.
 */
export function takeReturnToken(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get(RETURN_TOKEN_PARAM);
  if (token !== null) history.replaceState(history.state, '', currentPageUrl());
  return token || null;
}

/** This page's address without `token` (the default RedirectURL; the proxy drops query and fragment anyway). */
export function currentPageUrl(): string {
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_TOKEN_PARAM);
  return url.href;
}
