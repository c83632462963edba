// Typings for using <faceid-verify> directly, without a wrapper, in React 19 JSX and Vue 3 templates.
// Referenced from define.d.ts. Written by hand, as an ambient file that needs neither React nor Vue: where a
// project has no `react` (or `vue`), TypeScript skips augmenting it instead of failing, and the bodies below
// use only this package's own types, so even `skipLibCheck: false` projects without React compile cleanly.
// (Hence no React.HTMLAttributes here: hyphenated `data-*`/`aria-*` props are accepted by JSX anyway.)
export {};

type FaceIdVerifyElement = HTMLElementTagNameMap['faceid-verify'];
type FaceIdEventName = 'faceid-statechange' | 'faceid-start' | 'faceid-redirect' | 'faceid-result' | 'faceid-error';

interface FaceIdVerifyAttributes {
  /** Base URL of the signing proxy (required). */
  proxy: string;
  /** UI and hosted-page language (en, zh-CN, zh-TW, th, id); default the nearest `[lang]`. */
  lang?: string;
  /** Return URL; default this page without `token`. */
  'redirect-url'?: string;
  /** Start as soon as connected. */
  'auto-start'?: boolean;
  /** How the hosted page is opened: `redirect` (default), `tab`, `handoff` (QR code for a phone) or `auto`. */
  mode?: 'redirect' | 'tab' | 'handoff' | 'auto';
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  slot?: string;
  title?: string;
  style?: string | Record<string, string | number>;
}

/** `<faceid-verify>` props in React 19 JSX: events as `on` + the exact event name, e.g. `onfaceid-result`. */
export type FaceIdVerifyReactProps = FaceIdVerifyAttributes & {
  [K in FaceIdEventName as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
} & {
  key?: string | number | bigint | null;
  ref?: { current: FaceIdVerifyElement | null } | ((element: FaceIdVerifyElement | null) => void) | null;
};

/** `<faceid-verify>` props in Vue templates: `@faceid-result` compiles to `onFaceidResult`. */
export type FaceIdVerifyVueProps = FaceIdVerifyAttributes & {
  [K in FaceIdEventName as K extends `faceid-${infer Name}` ? `onFaceid${Capitalize<Name>}` : never]?: (
    event: HTMLElementEventMap[K],
  ) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'faceid-verify': FaceIdVerifyReactProps;
    }
  }
}

declare module 'vue' {
  interface GlobalComponents {
    'faceid-verify': new () => FaceIdVerifyElement & { $props: FaceIdVerifyVueProps };
  }
}
