// `npm run screenshots`: every state of <faceid-verify> (and the tab and handoff views), light and dark, at desktop
// and phone width, as PNGs in docs/images/ (shown by packages/element/README.md). Headless Chromium (Playwright,
// scripts/chromium.mjs) loads the element's standalone bundle on a page of an invented origin that Playwright's
// routes serve (nothing leaves the machine); the proxy's answers for each state are fixed ones, so the pictures
// are the same on every run.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright';
import { bundleElement, ENTRY_FILE } from '../packages/element/scripts/bundle.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { Buffer } from 'node:buffer';

const OUT = new URL('../docs/images/', import.meta.url);
const WIDTHS = { desktop: 1280, phone: 390 };
const SCHEMES = ['light', 'dark'];
const BIZ_TOKEN = 'a1b2c3d4-0000-4000-8000-000000000001';
/** Page around the element in each picture (CSS px). */
const MARGIN = 16;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>faceid-verify</title>
<style>:root{color-scheme:light dark;font-family:system-ui,sans-serif}body{margin:0;background:Canvas;color:CanvasText}
main{padding:24px;max-width:640px}</style>
<script type="module" src="/${ENTRY_FILE}"></script></head>
<body><main><faceid-verify proxy="/faceid"></faceid-verify></main></body></html>`;

/** @param {string} status @param {number | null} errorCode */
const result = (status, errorCode) => ({
  status,
  errorCode,
  errorMessage: null,
  similarity: status === 'passed' ? 92 : null,
  attempts:
    errorCode === null
      ? []
      : [{ errorCode, livenessErrorCode: errorCode, compareErrorCode: null, similarity: null, at: null }],
  extra: null,
  requestId: 'screenshot',
});

/** @param {string} origin @param {string} mode */
const session = (origin, mode) => ({
  bizToken: BIZ_TOKEN,
  verificationUrl: `${origin}/hosted`,
  expiresAt: '2030-01-01T00:00:00Z',
  binding: 'binding',
  ...(mode === 'handoff' ? { handoffUrl: `${origin}/faceid/web/handoff/${BIZ_TOKEN}` } : {}),
});

/**
 * Each view: the mode, the answers of the proxy's routes (`null`: never answers, holding the element busy), and
 * what to do on the page. `settle`: the state to wait for.
 * @type {Record<string, { mode?: string, routes: Record<string, unknown>, act: string, settle: string }>}
 */
const VIEWS = {
  idle: { routes: {}, act: '', settle: 'idle' },
  starting: { routes: { sessions: null }, act: 'start', settle: 'starting' },
  redirecting: { routes: { sessions: 'session' }, act: 'start', settle: 'redirecting' },
  checking: { routes: { sessions: 'session', results: null }, act: 'start,check', settle: 'checking' },
  passed: { routes: { sessions: 'session', results: result('passed', 0) }, act: 'start,check', settle: 'passed' },
  failed: { routes: { sessions: 'session', results: result('failed', 1001) }, act: 'start,check', settle: 'failed' },
  incomplete: {
    routes: { sessions: 'session', results: result('incomplete', null) },
    act: 'start,check',
    settle: 'incomplete',
  },
  expired: { routes: { sessions: 'session', results: result('expired', 15) }, act: 'start,check', settle: 'expired' },
  error: { routes: { sessions: 'down' }, act: 'start', settle: 'error' },
  'tab-waiting': { mode: 'tab', routes: { sessions: 'session' }, act: 'start', settle: 'redirecting' },
  'handoff-waiting': {
    mode: 'handoff',
    routes: { sessions: 'session', wait: null },
    act: 'start',
    settle: 'redirecting',
  },
  'handoff-failed': {
    mode: 'handoff',
    routes: { sessions: 'session', wait: result('failed', 1001) },
    act: 'start',
    settle: 'failed',
  },
};

const files = await bundleElement();
const origin = 'https://shop.example';

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
let count = 0;
try {
  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        colorScheme: /** @type {'light' | 'dark'} */ (scheme),
        deviceScaleFactor: 1,
      });
      for (const [name, view] of Object.entries(VIEWS)) {
        const page = await context.newPage();
        if (process.env.DEBUG) console.log(name, device, scheme);
        await route(page, view);
        await page.goto(`${origin}/`);
        const element = page.locator('faceid-verify');
        await element.evaluate((el, mode) => {
          el.setAttribute('mode', mode);
          el.addEventListener('faceid-redirect', (event) => event.preventDefault()); // stay on the page
        }, view.mode ?? 'redirect');
        for (const step of view.act.split(',').filter(Boolean)) {
          if (step === 'start') await element.getByRole('button').first().click();
          else await element.evaluate((el) => void (/** @type {any} */ (el).checkResult()));
        }
        await page.waitForFunction(
          (state) => globalThis.document.querySelector('faceid-verify')?.getAttribute('state') === state,
          view.settle,
        );
        if (name.startsWith('handoff-waiting')) await element.locator('[part~="qr"]').waitFor();
        await page.evaluate(() => globalThis.document.fonts.ready);
        // Clipped to the element with a margin of the page behind it: small files, the colours in context.
        const box = await element.boundingBox();
        if (!box) throw new Error(`${name}: the element has no box`);
        const clip = {
          x: Math.max(0, box.x - MARGIN),
          y: Math.max(0, box.y - MARGIN),
          width: Math.min(width, Math.ceil(box.width) + 2 * MARGIN),
          height: Math.ceil(box.height) + 2 * MARGIN,
        };
        const path = new URL(`${name}-${scheme}-${device}.png`, OUT).pathname;
        await page.screenshot({ path, clip, animations: 'disabled' });
        count += 1;
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`docs/images/: ${count} screenshots`);

/**
 * Answers the element's calls to `/faceid/web/…` for one view.
 * @param {import('playwright').Page} page
 * @param {{ routes: Record<string, unknown> }} view
 */
async function route(page, { routes }) {
  await page.route(`${origin}/**`, (request) => {
    const path = new URL(request.request().url()).pathname;
    if (path === '/') return request.fulfill({ contentType: 'text/html', body: PAGE });
    const file = files[path.slice(1)];
    return file
      ? request.fulfill({ contentType: 'text/javascript', body: Buffer.from(file) })
      : request.fulfill({ status: 404 });
  });
  const paths = { sessions: '/faceid/web/sessions', results: '/faceid/web/results', wait: '/faceid/web/results/wait' };
  for (const [key, path] of Object.entries(paths)) {
    if (!(key in routes)) continue;
    await page.route(`${origin}${path}`, async (request) => {
      const answer = routes[key];
      if (answer === null) return; // never answers: the element stays busy
      if (answer === 'down') {
        const body = { error: { code: 'upstream_unavailable', message: 'FaceID is unavailable.', retryable: true } };
        return request.fulfill({ status: 503, json: body });
      }
      const mode = JSON.parse(request.request().postData() ?? '{}').mode ?? 'redirect';
      return request.fulfill({
        status: key === 'sessions' ? 201 : 200,
        json: answer === 'session' ? session(origin, mode) : answer,
      });
    });
  }
}
