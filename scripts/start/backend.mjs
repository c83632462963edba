// The "integrator's backend" example, at /api/kyc:
//   POST /webhooks            the proxy's signed webhooks (Standard Webhooks): each flow's verdict, recorded once;
//   POST /complete {bizToken} the decision for the caller's own flow, from that verdict.
// A flow belongs to the visitor whose cookie started it (its `reference`, set by beforeSession and kept by the
// proxy's ledger). For anyone else, and for a BizToken that does not exist, the answer is the same 404, so it
// tells nothing about another visitor's flow. Nothing here calls FaceID: the verdict comes by webhook, and the
// ownership check reads the proxy's ledger (`GET /flows/{bizToken}`, server-to-server with the API key).
import { Hono } from 'hono';
import { visitorOf } from './proxy.mjs';
import { createVerdictBook } from './verdicts.mjs';
import { mountWebhookReceiver } from './webhook-receiver.mjs';

const LEDGER_TIMEOUT_MS = 5_000;
/** How long `/complete` waits for a verdict's webhook before it answers `pending`, ms. */
export const VERDICT_WAIT_MS = 5_000;

/**
 * @typedef {{ decision: 'approved' | 'rejected' | 'pending', reason: string, status: string | null,
 *   similarity: number | null }} Decision
 * @typedef {{ status: string, reference: string | null, result: { similarity: number | null } | null }} FlowFields
 *   What `/complete` reads of the proxy's `GET /flows/{bizToken}` record.
 */

/** The one answer for a BizToken that is not the caller's, whether it exists or not. */
export const NOT_YOURS = Object.freeze({
  decision: 'rejected',
  reason: 'you have no flow with this BizToken.',
  status: null,
  similarity: null,
});

/**
 * @param {object} options
 * @param {string} options.flowsUrl The proxy's `/flows` route (server-to-server), e.g. `http://127.0.0.1:8787/faceid/flows`.
 * @param {string} options.apiKey The proxy's API key.
 * @param {readonly string[] | undefined} options.webhookSecrets The `whsec_…` secrets the proxy signs its
 *   webhooks with; undefined when webhooks are off, and then `/complete` decides from the ledger's record.
 * @param {number} [options.verdictWaitMs] Default VERDICT_WAIT_MS.
 * @returns {Hono} with `POST /webhooks` (only with secrets) and `POST /complete`.
 */
export function createKycBackend({ flowsUrl, apiKey, webhookSecrets, verdictWaitMs = VERDICT_WAIT_MS }) {
  const app = new Hono();
  const verdicts = createVerdictBook();
  if (webhookSecrets) mountWebhookReceiver(app, { secrets: webhookSecrets, verdicts });

  app.post('/complete', async (c) => {
    const body = await c.req.json().catch(() => null);
    const bizToken = typeof body?.bizToken === 'string' ? body.bizToken : '';
    if (bizToken === '') return c.json(rejected('the request names no BizToken.'), 400);
    const visitor = visitorOf(c);
    const flow = await readFlow(flowsUrl, apiKey, bizToken);
    if (flow === 'unavailable') return c.json(rejected('the proxy did not answer, so nothing is decided.'), 502);
    if (visitor === undefined || flow === null || flow.reference !== visitor) return c.json(NOT_YOURS, 404);
    if (!webhookSecrets) return c.json(decide(flow.status, flow.result?.similarity ?? null, 'the proxy’s ledger'));
    const verdict = await verdicts.waitFor(bizToken, verdictWaitMs);
    if (verdict === undefined) return c.json(pending('the proxy will send it by webhook when it does.'));
    return c.json(decide(verdict.status, verdict.similarity, 'the proxy’s signed webhook'));
  });
  return app;
}

/**
 * The flow's record from the proxy's ledger (no FaceID call).
 * @param {string} flowsUrl
 * @param {string} apiKey
 * @param {string} bizToken
 * @returns {Promise<FlowFields | null | 'unavailable'>} null for 404 (no such flow).
 */
async function readFlow(flowsUrl, apiKey, bizToken) {
  const response = await globalThis
    .fetch(`${flowsUrl}/${encodeURIComponent(bizToken)}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: globalThis.AbortSignal.timeout(LEDGER_TIMEOUT_MS),
    })
    .catch(() => null);
  // 400: not even a BizToken's shape, so no flow of anyone's.
  if (response?.status === 404 || response?.status === 400) return null;
  if (!response?.ok) return 'unavailable';
  return /** @type {FlowFields} */ (await response.json());
}

/**
 * The rule a real backend would apply to the verdict: approve "passed", nothing else.
 * @param {string} status The flow's status (`passed`, `failed`, `incomplete`, `expired`, or `pending`).
 * @param {number | null} similarity
 * @param {string} source Where the verdict came from, for the reason.
 * @returns {Decision}
 */
export function decide(status, similarity, source) {
  if (status === 'pending') return pending('the proxy’s reconciler keeps asking FaceID.');
  if (status !== 'passed') return { ...rejected(`FaceID says "${status}", from ${source}.`), status, similarity };
  return { decision: 'approved', reason: `FaceID says "passed", from ${source}.`, status, similarity };
}

/** @param {string} then What happens next, for the reason. @returns {Decision} */
function pending(then) {
  return { decision: 'pending', reason: `FaceID has given no verdict yet; ${then}`, status: null, similarity: null };
}

/** @param {string} reason @returns {Decision} */
function rejected(reason) {
  return { decision: 'rejected', reason, status: null, similarity: null };
}
