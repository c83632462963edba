import { html, type TemplateResult } from 'lit';
import type { ResultStatus } from './states.js';

// One stroke over a circle per settled state (24×24 grid): check, cross, dash, clock hands, exclamation mark.
const ICON_PATHS: Record<ResultStatus | 'error', string> = {
  passed: 'm7 12 3 3 7-7',
  failed: 'm8 8 8 8m0-8-8 8',
  incomplete: 'M8 12h8',
  expired: 'M12 7v5l3 2',
  error: 'M12 7v6m0 4v0',
};

/** The inline SVG icon of a settled state (CSS part `icon`), decorative: the heading next to it says the same. */
export function stateIcon(state: ResultStatus | 'error'): TemplateResult {
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true">
    <circle cx="12" cy="12" r="10" />
    <path d=${ICON_PATHS[state]} />
  </svg>`;
}
