/** The hosted page's stylesheet, served from `/verify.css` so the page needs no inline style (strict CSP). */
export const PAGE_CSS = `:root{--accent:#2d72f1;color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:Canvas;color:CanvasText}
main{max-width:28rem;padding:2rem;border:1px solid color-mix(in srgb,CanvasText 20%,transparent);border-radius:12px}
h1{margin-top:0;color:var(--accent)}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0}
.swatch{display:inline-block;width:1em;height:1em;vertical-align:middle;border-radius:3px;background:var(--accent)}
.outcomes{display:grid;gap:.5rem;margin:1.5rem 0}
button{font:inherit;padding:.6rem 1rem;border-radius:8px;border:1px solid var(--accent);background:Canvas;color:CanvasText;cursor:pointer}
button[value=pass]{background:var(--accent);color:#fff}
button:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
@media (prefers-reduced-motion:no-preference){button{transition:filter .15s}button:hover{filter:brightness(1.1)}}
`;

/** `PAGE_CSS` with the flow's theme colour; `theme` must be 6 hex digits or it is ignored. */
export function pageCss(theme: string | undefined): string {
  return theme && /^[0-9a-f]{6}$/i.test(theme) ? `${PAGE_CSS}:root{--accent:#${theme}}\n` : PAGE_CSS;
}
