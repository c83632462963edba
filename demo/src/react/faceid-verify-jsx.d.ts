// TEMPORARY until @faceid-verify/element ships its React JSX typings.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'faceid-verify': DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & { proxy?: string };
    }
  }
}
