import { adoptStyles, html, supportsAdoptingStyleSheets, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { generate } from 'lean-qr/nano';
import { handoffStyles } from './handoff-view.styles.js';
import type { Messages } from './messages/types.js';

/** White modules around the code, in modules: the quiet zone QR readers need (ISO/IEC 18004 asks for 4). */
const QUIET_ZONE = 4;

/**
 * The handoff view, loaded (with the QR encoder) only when an element first runs in handoff mode: the QR code of
 * the handoff link as an SVG (CSS part `qr`, `role="img"` with an accessible name), the same link as an `<a href>`
 * (part `handoff-link`) and a copy button (part `copy`). Rendered from the module bitmap as SVG elements, never as
 * markup text, so it needs no `unsafeHTML` and passes a strict CSP with Trusted Types.
 */
export class HandoffView {
  #copied: string | null = null;
  #qr: { url: string; size: number; path: string } | null = null;
  readonly #host: ReactiveControllerHost;

  /**
   * `host` re-renders when the copy button's label changes; its shadow root (`renderRoot`) gets the view's styles
   * next to the element's own (a constructed stylesheet, so a strict CSP without 'unsafe-inline' allows it).
   */
  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    const root = host.renderRoot as ShadowRoot;
    if (!supportsAdoptingStyleSheets)
      adoptStyles(root, [handoffStyles]); // appends a <style>, as Lit itself does
    else if (handoffStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, handoffStyles.styleSheet];
  }

  render(url: string, t: Messages): TemplateResult {
    const { size, path } = this.#code(url);
    const box = size + 2 * QUIET_ZONE;
    return html`<div part="handoff">
      <svg part="qr" role="img" aria-label=${t.qrLabel} viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}">
        <rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${box} height=${box} fill="#fff" />
        <path d=${path} fill="#000" />
      </svg>
      <p part="hint">${t.scanQr}</p>
      <a part="handoff-link" href=${url}>${url}</a>
      <button part="copy" type="button" @click=${() => void this.#copy(url)}>
        ${this.#copied === url ? t.copied : t.copyLink}
      </button>
    </div>`;
  }

  /** The code of `url` as one SVG path of 1×1 squares, one run of dark modules per subpath; memoised per URL. */
  #code(url: string): { size: number; path: string } {
    if (this.#qr?.url === url) return this.#qr;
    const code = generate(url);
    let path = '';
    for (let y = 0; y < code.size; y += 1) {
      for (let x = 0; x < code.size; x += 1) {
        let run = 0;
        while (code.get(x + run, y)) run += 1;
        if (run) path += `M${x} ${y}h${run}v1h-${run}z`;
        x += run;
      }
    }
    this.#qr = { url, size: code.size, path };
    return this.#qr;
  }

  async #copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.#copied = url;
      this.#host.requestUpdate();
    } catch {
      // No clipboard (permission, insecure context): the link stays there to select by hand.
    }
  }
}
