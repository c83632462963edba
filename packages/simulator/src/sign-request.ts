/**
 * Builds a TC3-HMAC-SHA256 signed FaceID API request, as the official SDK sends it (faceid-api.md §2.3).
 * For tests and tools that call the simulator without an SDK; uses the project's signer.
 */
import { signTc3 } from '@faceid-verify/proxy/signing';
import { API_VERSION, DEMO_CREDENTIALS, type SimulatorCredential } from './types.js';

export interface SignedApiRequestOptions {
  credential?: SimulatorCredential;
  /** Default `ap-singapore`; null leaves `X-TC-Region` out. */
  region?: string | null;
  /** Signed host and URL host. Default `faceid.intl.tencentcloudapi.com`. */
  host?: string;
  /** Whole seconds. Default: now. */
  timestamp?: number;
  version?: string;
  /** Exact body to send; default `JSON.stringify(params)`. */
  body?: string;
  /** Where to send it instead of `https://<host>/` (the signed host stays `host`). */
  url?: string;
}

export async function signedApiRequest(
  action: string,
  params: object,
  options: SignedApiRequestOptions = {},
): Promise<Request> {
  const credential = options.credential ?? DEMO_CREDENTIALS;
  const host = options.host ?? 'faceid.intl.tencentcloudapi.com';
  const body = options.body ?? JSON.stringify(params);
  const headers = await signTc3({
    secretId: credential.secretId,
    secretKey: credential.secretKey,
    sessionToken: credential.sessionToken,
    service: 'faceid',
    host,
    region: options.region === undefined ? 'ap-singapore' : options.region,
    action,
    version: options.version ?? API_VERSION,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    body,
  });
  return new Request(options.url ?? `https://${host}/`, { method: 'POST', headers, body });
}

/** A parsed `{"Response": …}` reply. */
export interface ApiReply {
  Response: Record<string, unknown> & { RequestId: string; Error?: { Code: string; Message: string } };
}

/**
 * Signs and sends one call to a simulator app (anything with Hono's `fetch`), returning the parsed reply.
 * @throws {Error} when the HTTP status is not 200.
 */
export async function callSimulator(
  app: { fetch(request: Request): Response | Promise<Response> },
  action: string,
  params: object,
  options: SignedApiRequestOptions = {},
): Promise<ApiReply> {
  const response = await app.fetch(await signedApiRequest(action, params, options));
  if (response.status !== 200) throw new Error(`${action}: HTTP ${response.status}`);
  return (await response.json()) as ApiReply;
}
