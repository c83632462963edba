import { css } from 'lit';

// Defaults meet WCAG AA on white: accent #1d4ed8 with white text 6.7:1, success #166534 7.1:1, danger #b91c1c 6.5:1,
// link #1d4ed8 6.7:1; and on a dark page (#121212): success #4ade80 10:1, danger #f87171 6.9:1, link #93c5fd 10:1.
// Dark colours apply where the page's `color-scheme` allows dark and the user prefers it (light-dark()): a page
// that stays light keeps the light ones, whatever prefers-color-scheme says. The handoff view's rules come with its
// chunk (handoff-view.styles.ts); `--_link` is set here so a page can theme it before that chunk loads.
export const styles = css`
  :host {
    display: inline-grid;
    gap: var(--faceid-gap, 0.75rem);
    justify-items: start;
    font-family: var(--faceid-font-family, inherit);
    --_ok: var(--faceid-success-color, light-dark(#166534, #4ade80));
    --_bad: var(--faceid-danger-color, light-dark(#b91c1c, #f87171));
    --_link: var(--faceid-link-color, light-dark(#1d4ed8, #93c5fd));
  }

  :host([hidden]) {
    display: none;
  }

  [role='status'] {
    display: grid;
    gap: 0.25rem;
  }

  [role='status']:empty {
    display: none;
  }

  h2,
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.125em;
    display: flex;
    align-items: center;
    gap: 0.5em;
  }

  [part='icon'] {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  :host([state='passed']) h2 {
    color: var(--_ok);
  }

  :host([state='failed']) h2,
  :host([state='error']) h2 {
    color: var(--_bad);
  }

  button {
    font: inherit;
    font-weight: 600;
    padding: 0.6em 1.2em;
    border: 2px solid var(--faceid-accent, #1d4ed8);
    border-radius: var(--faceid-radius, 0.5rem);
    background: var(--faceid-accent, #1d4ed8);
    color: var(--faceid-accent-contrast, #fff);
    cursor: pointer;
  }

  :focus-visible {
    outline: 3px solid var(--faceid-focus-color, var(--faceid-accent, #1d4ed8));
    outline-offset: 2px;
  }

  [part='spinner'] {
    display: inline-block;
    vertical-align: middle;
    margin-inline-end: 0.5em;
    width: 1em;
    height: 1em;
    border: 2px solid;
    border-right-color: #0000;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation: none;
      border-style: dotted;
    }
  }
`;
