import { html, type TemplateResult } from 'lit';
import type { ResultStatus } from './states.js';

// A circle, then one stroke per settled state (24×24 grid, absolute moves: the circle ends where it began): check, cross, dash, clock hands, exclamation mark.
const CIRCLE = 'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20';
const ICON_PATHS: Record<ResultStatus | 'error', string> = {
  passed: 'M7 12l3 3 7-7',
  failed: 'M8 8l8 8M16 8l-8 8',
  incomplete: 'M8 12h8',
  expired: 'M12 7v5l3 2',
  error: 'M12 7v6M12 17v0',
};

/** The inline SVG icon of a settled state (CSS part `icon`), decorative: the heading next to it says the same. */
export function stateIcon(state: ResultStatus | 'error'): TemplateResult {
  // One line, no whitespace text: the heading's textContent is its text alone.
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${CIRCLE + ICON_PATHS[state]} /></svg>`;
}
