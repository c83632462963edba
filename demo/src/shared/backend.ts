// Calls to the demo server: the proxy's health (which upstream is in use) and the "integrator's backend"
// example, which decides from the result it reads server-side, never from the browser's event.
import { takeStartedBizToken } from './started-flow.js';

/** The proxy's `GET /health` answer (design.md). */
export interface ProxyHealth {
  ok: boolean;
  upstream: 'simulator' | 'tencent';
  region: string;
}

/** What the demo server's `POST /api/kyc/complete` decided (scripts/start/backend.mjs). */
export interface ServerDecision {
  decision: 'approved' | 'rejected';
  /** Why, in one sentence, for people. */
  reason: string;
  /** The result status the server read from the proxy, or null when it could not read one. */
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

/**
 * Asks the demo server to complete KYC for the flow this tab started. The server reads the result from the
 * proxy itself (server-to-server, with its API key) and answers with its decision; the BizToken is consumed.
 */
export async function askServerToDecide(): Promise<ServerDecision> {
  const bizToken = takeStartedBizToken();
  if (bizToken === null) {
    return { decision: 'rejected', reason: 'this tab has no flow to complete.', status: null, similarity: null };
  }
  const response = await fetch('/api/kyc/complete', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ bizToken }),
  });
  return (await response.json()) as ServerDecision;
}

/** The decision as one sentence for the page. */
export function describeDecision(decision: ServerDecision): string {
  const verdict = decision.decision === 'approved' ? 'Approved' : 'Rejected';
  const similarity = decision.similarity === null ? '' : ` Similarity ${decision.similarity}.`;
  return `${verdict}: ${decision.reason}${similarity}`;
}
