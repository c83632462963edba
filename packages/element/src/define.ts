// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- kept in define.d.ts: brings the React/Vue typings
/// <reference path="../types/frameworks.d.ts" preserve="true" />
import { FaceIdVerifyElement } from './faceid-verify.js';

/** The element's tag name. */
export const TAG_NAME = 'faceid-verify';

/**
 * Registers `<faceid-verify>`. Idempotent: a second call, or a second copy of this module, is a no-op; without a
 * DOM (Node, SSR) it does nothing. Importing this module calls it.
 */
export function defineFaceIdVerify(): void {
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (!registry || registry.get(TAG_NAME)) return;
  registry.define(TAG_NAME, FaceIdVerifyElement);
}

defineFaceIdVerify();

declare global {
  interface HTMLElementTagNameMap {
    'faceid-verify': FaceIdVerifyElement;
  }
}

export { FaceIdVerifyElement };
// Keeps the typed events (the HTMLElementEventMap augmentation) in define.d.ts's type graph.
export type { FaceIdEventMap } from './events.js';
