// The "integrator's backend" example: POST /api/kyc/complete {bizToken}. The server reads the result from
// the proxy itself (server-to-server, with the API key) and decides; what the browser saw is only advisory.
import { Hono } from 'hono';
import { visitorExtra } from './proxy.mjs';

const RESULT_TIMEOUT_MS = 15_000;

/**
 * @typedef {{ decision: 'approved' | 'rejected', reason: string, status: string | null, similarity: number | null }} Decision
 * @typedef {{ status: string, similarity: number | null, extra: string | null }} ResultFields
 */

/**
 * @param {{ resultsUrl: string, apiKey: string }} options `resultsUrl` is the proxy's `/web/results` route.
 * @returns {Hono} with `POST /complete`.
 */
export function createKycBackend({ resultsUrl, apiKey }) {
  const app = new Hono();
  app.post('/complete', async (c) => {
    const body = await c.req.json().catch(() => null);
    const bizToken = typeof body?.bizToken === 'string' ? body.bizToken : '';
    if (bizToken === '') return c.json(rejected('the request names no BizToken.'), 400);
    const response = await globalThis
      .fetch(resultsUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ bizToken }),
        signal: globalThis.AbortSignal.timeout(RESULT_TIMEOUT_MS),
      })
      .catch(() => null);
    if (!response?.ok) {
      const code = response ? (await response.json().catch(() => null))?.error?.code : 'unreachable';
      return c.json(rejected(`the proxy gave no result (${code ?? response?.status}), so nothing is approved.`), 502);
    }
    return c.json(decide(/** @type {ResultFields} */ (await response.json()), visitorExtra(c)));
  });
  return app;
}

/**
 * The rule a real backend would apply: passed, and started by this very user (Extra set by beforeSession).
 * @param {ResultFields} result The proxy's WebVerificationResult.
 * @param {string | undefined} expectedExtra
 * @returns {Decision}
 */
export function decide(result, expectedExtra) {
  const read = { status: result.status, similarity: result.similarity };
  if (expectedExtra === undefined || result.extra !== expectedExtra) {
    return { ...rejected('this flow was not started by this visitor (Extra does not match).'), ...read };
  }
  if (result.status !== 'passed') {
    return { ...rejected(`FaceID says "${result.status}", read by the server from the proxy.`), ...read };
  }
  return { decision: 'approved', reason: 'FaceID says "passed", read by the server from the proxy.', ...read };
}

/** @param {string} reason @returns {Decision} */
function rejected(reason) {
  return { decision: 'rejected', reason, status: null, similarity: null };
}
