import { css } from 'lit';

// The handoff view's rules, adopted by the element's shadow root when the handoff chunk loads (handoff-view.ts):
// a page that never runs handoff mode does not download them. `--_link` comes from the element's :host rule.
export const handoffStyles = css`
  [part='handoff'] {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    max-width: 20rem;
  }

  [part='qr'] {
    width: var(--faceid-qr-size, 12rem);
  }

  a {
    color: var(--_link);
    overflow-wrap: anywhere;
  }

  [part='copy'] {
    background: none;
    color: var(--_link);
  }
`;
