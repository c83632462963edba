/**
 * The hosted verification page: `GET /verify?token=<BizToken>` shows the flow's settings and one button
 * per outcome; `POST /verify` records the outcome and answers 303 to `RedirectURL?token=<BizToken>`.
 * Every value is escaped (hono/html); no script, no inline style, a strict Content-Security-Policy.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { pageCss } from './page-style.js';
import type { SimulatorState } from './state.js';
import type { Flow, FlowState } from './store.js';
import { PAGE_OUTCOMES } from './types.js';

const TITLE = 'FaceID Simulator';
const DEFAULT_THEME = '#2d72f1';

const PROBLEMS: Record<
  Exclude<FlowState, 'open'> | 'unknown' | 'bad-outcome',
  { status: 400 | 404 | 409 | 410; text: string }
> = {
  unknown: { status: 404, text: 'This verification link is not valid. Start the verification again from the site.' },
  expired: { status: 410, text: 'This verification link has expired. Start the verification again from the site.' },
  gone: { status: 410, text: 'This verification link has expired. Start the verification again from the site.' },
  finished: { status: 409, text: 'This verification has already been completed.' },
  'bad-outcome': { status: 400, text: 'Choose one of the outcome buttons.' },
};

/** Strict CSP: only our stylesheet; the form may post to us and be redirected to the RedirectURL origin. */
function setSecurityHeaders(c: Context, formTarget: string | null): void {
  const formAction = formTarget ? `'self' ${formTarget}` : "'none'";
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
}

function layout(lang: string, theme: string, body: unknown) {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${TITLE}</title>
        <link rel="stylesheet" href="/verify.css?theme=${theme.slice(1)}" />
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;
}

function problemPage(c: Context, problem: keyof typeof PROBLEMS) {
  const { status, text } = PROBLEMS[problem];
  setSecurityHeaders(c, null);
  return c.html(
    layout(
      'en',
      DEFAULT_THEME,
      html`<h1>${TITLE}</h1>
        <h2>Verification unavailable</h2>
        <p role="alert">${text}</p>`,
    ),
    status,
  );
}

function verifyPage(c: Context, flow: Flow) {
  const theme = flow.themeColor ?? DEFAULT_THEME;
  const language = flow.language ?? 'en';
  const buttons = PAGE_OUTCOMES.map(
    ({ outcome, label }) => html`<button type="submit" name="outcome" value="${outcome}">${label}</button>`,
  );
  setSecurityHeaders(c, new URL(flow.redirectUrl ?? '').origin);
  return c.html(
    layout(
      language,
      theme,
      html`<h1>${TITLE}</h1>
        <p>This page stands in for Tencent's hosted FaceID page. Choose how the verification ends.</p>
        <dl>
          <dt>Language</dt>
          <dd>${language}</dd>
          <dt>Theme colour</dt>
          <dd><span class="swatch"></span> ${theme}</dd>
          <dt>BizToken</dt>
          <dd><code>${flow.token}</code></dd>
        </dl>
        <form method="post" action="/verify">
          <input type="hidden" name="token" value="${flow.token}" />
          <div class="outcomes">${buttons}</div>
        </form>
        <p><a href="${flow.redirectUrl}">Back to site</a></p>`,
    ),
  );
}

/** RedirectURL with `token` set in its query, keeping any existing query and fragment. */
export function returnUrl(redirectUrl: string, token: string): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('token', token);
  return url.href;
}

function openFlow(state: SimulatorState, token: string): Flow | keyof typeof PROBLEMS {
  const flow = token ? state.store.get(token) : undefined;
  if (!flow?.redirectUrl) return 'unknown';
  const flowState = state.store.state(flow, state.clock.now());
  return flowState === 'open' ? flow : flowState;
}

export function createPageRoutes(state: SimulatorState): Hono {
  const app = new Hono();
  app.get('/verify.css', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.body(pageCss(c.req.query('theme')), 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/verify', (c) => {
    const flow = openFlow(state, c.req.query('token') ?? '');
    return typeof flow === 'string' ? problemPage(c, flow) : verifyPage(c, flow);
  });
  app.post('/verify', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token : '';
    const flow = openFlow(state, token);
    if (typeof flow === 'string') return problemPage(c, flow);
    const choice = PAGE_OUTCOMES.find(({ outcome }) => outcome === form.outcome);
    if (!choice) return problemPage(c, 'bad-outcome');
    state.store.record(flow.token, choice.outcome, state.clock.now());
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(returnUrl(flow.redirectUrl ?? '', flow.token), 303);
  });
  return app;
}
