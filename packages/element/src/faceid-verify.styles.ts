import { css } from 'lit';

// Defaults meet WCAG AA on white: accent #1d4ed8 with white text 6.7:1, success #166534 7.1:1, danger #b91c1c 6.5:1.
export const styles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    font-family: var(--faceid-font-family, inherit);
    color: var(--faceid-text-color, inherit);
  }

  :host([hidden]) {
    display: none;
  }

  .root {
    display: grid;
    gap: var(--faceid-gap, 0.75rem);
    justify-items: start;
  }

  [part~='status']:empty {
    display: none;
  }

  [part~='status'] {
    display: grid;
    gap: 0.25rem;
  }

  .busy {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }

  [part~='heading'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }

  :host([state='passed']) [part~='heading'] {
    color: var(--faceid-success-color, #166534);
  }

  :host([state='failed']) [part~='heading'],
  :host([state='error']) [part~='heading'] {
    color: var(--faceid-danger-color, #b91c1c);
  }

  [part~='message'] {
    margin: 0;
  }

  button {
    font: inherit;
    font-weight: 600;
    padding: 0.625em 1.25em;
    border: 2px solid var(--faceid-accent, #1d4ed8);
    border-radius: var(--faceid-radius, 0.5rem);
    background: var(--faceid-accent, #1d4ed8);
    color: var(--faceid-accent-contrast, #ffffff);
    cursor: pointer;
  }

  button:hover {
    filter: brightness(0.92);
  }

  :focus-visible {
    outline: 3px solid var(--faceid-focus-color, var(--faceid-accent, #1d4ed8));
    outline-offset: 2px;
  }

  [part~='spinner'] {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='spinner'] {
      animation: none;
      border-style: dotted;
    }
  }

  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
