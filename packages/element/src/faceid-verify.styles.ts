import { css } from 'lit';

// Defaults meet WCAG AA on white: accent #1d4ed8 with white text 6.7:1, success #166534 7.1:1, danger #b91c1c 6.5:1.
export const styles = css`
  :host {
    display: inline-grid;
    gap: var(--faceid-gap, 0.75rem);
    justify-items: start;
    font-family: var(--faceid-font-family, inherit);
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
  }

  :host([state='passed']) h2 {
    color: var(--faceid-success-color, #166534);
  }

  :host([state='failed']) h2,
  :host([state='error']) h2 {
    color: var(--faceid-danger-color, #b91c1c);
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
