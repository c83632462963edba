// Optional React wrapper (`@faceid-verify/element/react`), for React 18 and earlier, which pass every prop to a
// custom element as a string attribute and cannot listen to its events. React 19 needs no wrapper: use
// <faceid-verify> directly (typings in types/frameworks.d.ts). Needs the optional peers `react` and `@lit/react`.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import './define.js';
import type { FaceIdEventMap } from './events.js';
import { FaceIdVerifyElement } from './faceid-verify.js';

/**
 * `<FaceIdVerify proxy="/faceid" onResult={(event) => …} />`: the element with camelCase props and typed
 * `on…` callbacks (`onStateChange`, `onStart`, `onRedirect`, `onResult`, `onError`).
 */
export const FaceIdVerify = createComponent({
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
  displayName: 'FaceIdVerify',
});
