/**
 * What the routes of one proxy app share: resolved options, the FaceID client, the upstream guard and the
 * binding issuer; and the per-request variables the log line reads.
 */
import type { FaceIdClient } from '../client/index.js';
import type { Ledger } from '../ledger/ledger.js';
import type { BindingIssuer } from './binding.js';
import type { HandoffLinks } from './handoff-link.js';
import type { LoggedFailure } from './errors.js';
import type { ResolvedProxyOptions } from './options.js';
import type { UpstreamGuard } from './upstream.js';

export interface ProxyVariables {
  /** Set by `hono/request-id`. */
  requestId: string;
  /** Our route name for the log, e.g. `web.results`. */
  route: string;
  /** The Tencent action called, if any. */
  action: string;
  /** Tencent's RequestId of that call. */
  upstreamRequestId: string;
  /** Set by `errorResponse`: the proxy's code, Tencent's code and the cause, for the log line. */
  failure: LoggedFailure;
  /** The caller proved it is an authorised server (API key or `authorize`). */
  server: boolean;
}

export interface ProxyEnv {
  Variables: ProxyVariables;
}

export interface ProxyDeps {
  options: ResolvedProxyOptions;
  client: FaceIdClient;
  guard: UpstreamGuard;
  bindings: BindingIssuer;
  /** Signs and opens the handoff links of the element's handoff mode (same secret as the bindings, own key). */
  links: HandoffLinks;
  /** The flow ledger (`options.ledger`, default in memory): every BizToken, its verdict and webhook. */
  ledger: Ledger;
}
