// Calls to the demo server: the proxy's health (which upstream is in use) and the "integrator's backend"
// example, which decides from the verdict the proxy's signed webhook brought it, never from the browser's event.
import { takeStartedBizToken } from './started-flow.js';

/** The proxy's `GET /health` answer (design.md). */
export interface ProxyHealth {
  ok: boolean;
  upstream: 'simulator' | 'tencent';
  region: string;
}

/**
 * What the demo server's `POST /api/kyc/complete` decided (scripts/start/backend.mjs). `pending`: no verdict
 * has reached the server yet (it waits up to 5 s for the webhook before it says so). A BizToken that is not
 * this visitor's gets `rejected` with status and similarity null (HTTP 404), whatever that flow's state.
 */
export interface ServerDecision {
  decision: 'approved' | 'rejected' | 'pending';
  /** Why, in one sentence, for people. */
  reason: string;
  /** The flow's terminal status as the server received it, or null without a verdict. */
  status: string | null;
  similarity: number | null;
}

export const PROXY_PATH = '/faceid';

export async function fetchHealth(): Promise<ProxyHealth> {
  const response = await fetch(`${PROXY_PATH}/health`);
  if (!response.ok) throw new Error(`GET ${PROXY_PATH}/health answered ${response.status}`);
  return (await response.json()) as ProxyHealth;
}

/** One line for the page's header: which FaceID API answers, or why we cannot tell. */
export async function describeUpstream(): Promise<string> {
  try {
    const health = await fetchHealth();
    return health.upstream === 'tencent'
      ? `Upstream: Tencent Cloud FaceID (${health.region})`
      : `Upstream: local FaceID simulator (${health.region}), no real verification`;
  } catch {
    return 'Upstream: unknown (the proxy does not answer)';
  }
}

/** How many times a page asks while the server answers `pending`. */
export const PENDING_ASKS = 2;

/**
 * Asks the demo server to complete KYC for the flow this tab started. The server decides from the verdict the
 * proxy sent it by webhook, for the visitor's own flows only; the BizToken is consumed. A server that answers
 * `pending` is asked again, at most PENDING_ASKS times in all (each ask waits up to 5 s on the server).
 */
export async function askServerToDecide(): Promise<ServerDecision> {
  const bizToken = takeStartedBizToken();
  if (bizToken === null) {
    return { decision: 'rejected', reason: 'this tab has no flow to complete.', status: null, similarity: null };
  }
  let decision = await postComplete(bizToken);
  for (let ask = 1; ask < PENDING_ASKS && decision.decision === 'pending'; ask += 1) {
    decision = await postComplete(bizToken);
  }
  return decision;
}

async function postComplete(bizToken: string): Promise<ServerDecision> {
  try {
    const response = await fetch('/api/kyc/complete', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bizToken }),
    });
    return (await response.json()) as ServerDecision;
  } catch {
    return { decision: 'rejected', reason: 'the server did not answer.', status: null, similarity: null };
  }
}

/** The decision as one sentence for the page. */
export function describeDecision(decision: ServerDecision): string {
  const verdict = { approved: 'Approved', rejected: 'Rejected', pending: 'Pending' }[decision.decision];
  const similarity = decision.similarity === null ? '' : ` Similarity ${decision.similarity}.`;
  return `${verdict}: ${decision.reason}${similarity}`;
}
