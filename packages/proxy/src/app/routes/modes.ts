/**
 * Rows of the element's tab and handoff modes (contract.ts `MODES`):
 * - `POST /web/results/wait` (browser, the binding of `/web/results`): the long poll of a handoff flow, answered
 *   from the ledger (flow-wait.ts): the WebVerificationResult once final, else `{"status":"pending"}` after at
 *   most 25 s. Ends early when the client goes away.
 * - `GET /web/return?token=…`: tab mode's RedirectURL, the page that tells the opener and closes (pages.ts).
 * - `GET /web/handoff/done?token=…`: the phone's RedirectURL, "Done — return to your computer", no result. Its
 *   visit makes one paced, ledger-recording read of a pending flow, so the desktop learns at once.
 * - `GET /web/handoff/{bizToken}?e&u&s`: the phone's link (handoff-link.ts): 303 to the VerificationURL while the
 *   BizToken lives and the flow is not settled, else 410 "This link has expired".
 * Pages speak the first supported language of `Accept-Language`.
 */
import type { Context } from 'hono';
import type { PendingResult } from '../../contract.js';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import { readFlow } from '../flow-read.js';
import { claimUpstreamRead, waitForVerdict } from '../flow-wait.js';
import { handoffDonePage, handoffExpiredPage, pageLanguage, returnPage, type PageLanguage } from '../pages/index.js';
import { BROWSER_BODY_LIMIT, ResultRequestSchema } from '../schemas.js';
import { route } from './route.js';

const PENDING: PendingResult = { status: 'pending' };
const TOKEN = /^[A-Za-z0-9-]{1,128}$/;
/** The least time between two reads of one flow started by done pages, ms (a reload, a bot). */
const PAGE_READ_GAP_MS = 1_000;
const LANGUAGE_ALIASES: Record<string, PageLanguage> = { zh: 'zh-cn', 'zh-hans': 'zh-cn', 'zh-hant': 'zh-tc' };
const TRADITIONAL = /^zh-(tw|hk|mo|hant)/;

/** The pages' language: the first `Accept-Language` entry the pages speak; English otherwise. */
export function acceptedLanguage(header: string | undefined): PageLanguage {
  for (const entry of (header ?? '').split(',').slice(0, 16)) {
    const tag = (entry.split(';')[0] ?? '').trim().toLowerCase();
    if (TRADITIONAL.test(tag)) return 'zh-tc';
    const known = LANGUAGE_ALIASES[tag] ?? (tag.startsWith('zh') ? 'zh-cn' : pageLanguage(tag.split('-')[0]));
    if (known !== 'en' || tag.startsWith('en')) return known;
  }
  return 'en';
}

const languageOf = (c: Context<ProxyEnv>) => acceptedLanguage(c.req.header('accept-language'));

/** The phone is back from the hosted flow: one paced read records the verdict for the waiting desktop. */
async function readAfterFlow(deps: ProxyDeps, bizToken: string | undefined, c: Context<ProxyEnv>): Promise<void> {
  if (bizToken === undefined || !TOKEN.test(bizToken)) return;
  try {
    const record = await deps.ledger.get(bizToken);
    if (record === null || record.status !== 'pending') return;
    if (!claimUpstreamRead(deps.ledger, bizToken, PAGE_READ_GAP_MS, true)) return;
    await readFlow(deps, bizToken, c);
  } catch {
    // The page never depends on it: the desktop's wait reads again, paced.
  }
}

/** The link's destination, or null: forged, past the BizToken's life, unknown or already settled flow. */
async function handoffTarget(deps: ProxyDeps, bizToken: string, c: Context<ProxyEnv>): Promise<string | null> {
  if (!TOKEN.test(bizToken)) return null;
  const now = deps.options.now();
  const target = await deps.links.open(bizToken, new URL(c.req.url).searchParams, now);
  if (target === null) return null;
  const record = await deps.ledger.get(bizToken).catch(() => null);
  if (record !== null && (record.status !== 'pending' || now >= record.expiresAt)) return null;
  return target;
}

export const MODE_ROUTES = [
  route({
    name: 'web.results.wait',
    method: 'POST',
    path: '/web/results/wait',
    kind: 'browser',
    schema: ResultRequestSchema,
    bodyLimit: BROWSER_BODY_LIMIT,
    binding: (body) => body,
    respond: async ({ c, deps, body }) => (await waitForVerdict(deps, body.bizToken, c.req.raw.signal, c)) ?? PENDING,
  }),
  route({
    name: 'web.return',
    method: 'GET',
    path: '/web/return',
    kind: 'public',
    respond: ({ c, deps }) => {
      const page = returnPage({ openerOrigins: deps.options.allowedOrigins, language: languageOf(c) });
      // The opener must stay reachable for postMessage (a cross-origin proxy has no shared BroadcastChannel).
      page.headers.set('cross-origin-opener-policy', 'unsafe-none');
      return page;
    },
  }),
  // Before `/web/handoff/:bizToken`: `done` is a well-formed token too.
  route({
    name: 'web.handoff.done',
    method: 'GET',
    path: '/web/handoff/done',
    kind: 'public',
    respond: async ({ c, deps }) => {
      await readAfterFlow(deps, c.req.query('token'), c);
      return handoffDonePage(languageOf(c));
    },
  }),
  route({
    name: 'web.handoff',
    method: 'GET',
    path: '/web/handoff/:bizToken',
    kind: 'public',
    respond: async ({ c, deps, params }) => {
      const target = await handoffTarget(deps, params['bizToken'] ?? '', c);
      if (target === null) return handoffExpiredPage(languageOf(c));
      // Through the context: the 303 carries the app's headers (no-store, no-referrer).
      return c.redirect(target, 303);
    },
  }),
];
