/** The BroadcastChannel the proxy's return page (`GET {proxy}/web/return?token=…`) posts on, same-origin proxies. */
export const RETURN_CHANNEL = 'faceid-verify';

/** The message the return page sends, on RETURN_CHANNEL and to its opener (`postMessage`, fixed target origin). */
export interface ReturnMessage {
  type: 'faceid-return';
  bizToken: string;
}

/** How often (ms) tab mode looks whether the user closed the hosted page's tab without finishing. */
const CLOSED_POLL_MS = 1000;

/**
 * Resolves once the hosted page in `popup` is done with `bizToken`: the proxy's return page said so (on
 * RETURN_CHANNEL, or by `postMessage` from `proxyOrigin`), or the tab was closed. Rejects when `signal` aborts,
 * at once if it already did (a reset while this chunk loaded). Every listener and timer goes with it.
 */
export function untilTabReturned(popup: Window, bizToken: string, proxyOrigin: string, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const channel = new BroadcastChannel(RETURN_CHANNEL);
    const done = (settle: () => void) => {
      clearInterval(timer);
      channel.close();
      removeEventListener('message', onMessage);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    const returned = (data: Partial<ReturnMessage> | null) => {
      if (data?.type === 'faceid-return' && data.bizToken === bizToken) done(resolve);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin === proxyOrigin) returned(event.data as Partial<ReturnMessage>);
    };
    const onAbort = () => done(() => reject(signal.reason));
    const timer = setInterval(() => popup.closed && done(resolve), CLOSED_POLL_MS);
    channel.onmessage = (event) => returned(event.data as Partial<ReturnMessage>);
    addEventListener('message', onMessage);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
