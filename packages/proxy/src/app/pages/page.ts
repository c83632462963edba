import type { PageTexts } from './texts.js';

/** What a page shows: its heading and text, and at most one inline script (allowed by a per-response nonce). */
export interface PageContent {
  texts: PageTexts;
  title: string;
  text: string;
  /** JavaScript source; trusted (ours), never built from request data without JSON-encoding it. */
  script?: string;
  /** HTTP status; default 200. */
  status?: number;
}

// The one stylesheet, inline under the same nonce as the script: no external asset, light and dark.
const STYLE =
  ':root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}' +
  'body{margin:0;display:grid;place-items:center;min-height:100vh;padding:1.5rem;box-sizing:border-box}' +
  'main{max-width:28rem;text-align:center}h1{font-size:1.5rem;margin:0 0 .5rem}p{margin:0}';

/** Text with `& < > " '` escaped for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A fresh CSP nonce: 16 random bytes, base64 (Web Crypto). */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * A proxy page as a Web `Response`: `text/html`, a strict Content-Security-Policy (nothing but the inline
 * style and script carrying this response's nonce; no frames, forms, base or connections), `no-store`, no Referer.
 */
export function htmlPage({ texts, title, text, script, status = 200 }: PageContent): Response {
  const nonce = createNonce();
  const body = [
    `<!doctype html><html lang="${escapeHtml(texts.htmlLang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main>`,
    script ? `<script nonce="${nonce}">${script}</script>` : '',
    '</body></html>',
  ].join('');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    script ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}
