// Optional React wrapper (`@faceid-verify/element/react`), for React 18 and earlier, which pass every prop to a
// custom element as a string attribute and cannot listen to its events, and for server-rendered React 19 pages
// (Next.js), where a listener attached at hydration can miss a result that already settled (react#35446).
// Needs the optional peers `react` and `@lit/react`.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import './define.js';
import type { FaceIdEventMap } from './events.js';
import { FaceIdVerifyElement } from './faceid-verify.js';
import type { WebVerificationResult } from './states.js';

const Element = createComponent({
  react: React,
  tagName: 'faceid-verify',
  elementClass: FaceIdVerifyElement,
  events: {
    onStateChange: 'faceid-statechange' as EventName<FaceIdEventMap['faceid-statechange']>,
    onStart: 'faceid-start' as EventName<FaceIdEventMap['faceid-start']>,
    onRedirect: 'faceid-redirect' as EventName<FaceIdEventMap['faceid-redirect']>,
    onResult: 'faceid-result' as EventName<FaceIdEventMap['faceid-result']>,
    onError: 'faceid-error' as EventName<FaceIdEventMap['faceid-error']>,
  },
  displayName: 'FaceIdVerifyElement',
});

export type FaceIdVerifyProps = Omit<React.ComponentProps<typeof Element>, 'ref'>;
type ResultEvent = FaceIdEventMap['faceid-result'];

/**
 * `<FaceIdVerify proxy="/faceid" onResult={(event) => …} />`: the element with camelCase props and typed
 * `on…` callbacks (`onStateChange`, `onStart`, `onRedirect`, `onResult`, `onError`).
 *
 * `onResult` gets every result exactly once. One that settled before React attached its listeners (the element
 * upgraded and read the `?token=` result before hydration finished) is handed on mount, as a `faceid-result`
 * CustomEvent that was not dispatched (`event.target` is null; the result is `event.detail`).
 */
export const FaceIdVerify = React.forwardRef<FaceIdVerifyElement, FaceIdVerifyProps>(function FaceIdVerify(props, ref) {
  const element = React.useRef<FaceIdVerifyElement | null>(null);
  const handed = React.useRef<WebVerificationResult | null>(null);
  const latest = React.useRef(props.onResult);
  latest.current = props.onResult;
  const onResult = React.useCallback((event: ResultEvent) => {
    if (event.detail === handed.current) return;
    handed.current = event.detail;
    latest.current?.(event);
  }, []);
  React.useEffect(() => {
    const result = element.current?.result;
    if (result && handed.current === null) onResult(new CustomEvent('faceid-result', { detail: result }));
  }, [onResult]);
  const setRef = React.useCallback(
    (node: FaceIdVerifyElement | null) => {
      element.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  return React.createElement(Element, { ...props, onResult, ref: setRef });
});
FaceIdVerify.displayName = 'FaceIdVerify';
