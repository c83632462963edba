/**
 * One signed FaceID call, one attempt: sign the exact body bytes with TC3-HMAC-SHA256, POST them with
 * `redirect: 'manual'` under a timeout, and classify what comes back. A 3xx is never followed: it is an upstream
 * outcome like any other (`redirect: 'error'` would hide it as a network failure, and workerd rejects that mode).
 */
import type { Tc3Crypto } from '../signing/crypto.js';
import { signTc3 } from '../signing/sign.js';
import type { SigningKeyCache } from '../signing/signing-key.js';
import { FACEID_API_VERSION, FACEID_SERVICE, FACEID_ACTIONS, type FaceIdAction } from './actions.js';
import { FaceIdNetworkError, FaceIdTimeoutError } from './errors.js';
import { parseReply } from './reply.js';

/** Tencent Cloud API credentials. The SecretKey never leaves the signer. */
export interface FaceIdCredentials {
  secretId: string;
  secretKey: string;
  /** STS session token of temporary credentials, sent as `X-TC-Token`. */
  sessionToken?: string | undefined;
}

/**
 * The transport: the global `fetch`, `undiciFetch` from `@faceid-verify/proxy/node`, or anything that
 * POSTs `init.body` to `url`, honours `init.signal` and hands a 3xx back unfollowed (`init.redirect`).
 */
export type FaceIdFetch = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    redirect: 'manual';
    signal: AbortSignal;
  },
) => Promise<{ status: number; text(): Promise<string> }>;

/** What one call needs, fixed when the client is made. */
export interface CallContext {
  fetch: FaceIdFetch;
  credentials: () => FaceIdCredentials | Promise<FaceIdCredentials>;
  region: string;
  /** Explicit endpoint; `undefined` means the action's default host. */
  endpoint: URL | undefined;
  /** Clock in milliseconds. */
  now: () => number;
  crypto: Tc3Crypto;
  keyCache: SigningKeyCache;
  language: string | undefined;
}

/** JSON text of a request with `null` members dropped, like the SDK's `deepRemoveNull` (array items are kept). */
export function serializeRequest(request: object): string {
  return JSON.stringify(request, (_key, value: unknown) => (value === null ? undefined : value));
}

async function signedHeaders(ctx: CallContext, action: FaceIdAction, url: URL, body: string) {
  const credentials = await ctx.credentials();
  const headers = await signTc3(
    {
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      sessionToken: credentials.sessionToken,
      service: FACEID_SERVICE,
      host: url.hostname,
      region: FACEID_ACTIONS[action].regional ? ctx.region : undefined,
      action,
      version: FACEID_API_VERSION,
      timestamp: Math.floor(ctx.now() / 1000),
      body,
      language: ctx.language,
    },
    { crypto: ctx.crypto, keyCache: ctx.keyCache },
  );
  // The transport sets Host itself, with the port; the signature covers the hostname only.
  delete headers['Host'];
  return headers;
}

/**
 * One signal that aborts at `timeoutMs` or with the caller's signal. A controller and a timer cost about
 * 1 µs; `AbortSignal.any` + `AbortSignal.timeout` about 30 µs of CPU per call on Node 20.
 */
function deadline(timeoutMs: number, caller: AbortSignal | undefined) {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(caller?.reason);
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The FaceID call timed out', 'TimeoutError'));
  }, timeoutMs);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}

/** One attempt, signed and ready to send: the URL and its TC3-HMAC-SHA256 headers (X-TC-Timestamp: now, s). */
export interface SignedCall {
  url: URL;
  headers: Record<string, string>;
}

/**
 * Signs `body` (already serialised) as `action`. Done before the attempt waits for its pacing slot, so nothing
 * but the send follows the slot: WebCrypto's awaits cost event-loop turns under load, and time between a slot
 * and the wire bunches calls. FaceID accepts a signature whose X-TC-Timestamp is within 5 minutes.
 */
export async function signCall(ctx: CallContext, action: FaceIdAction, body: string): Promise<SignedCall> {
  const url = ctx.endpoint ?? new URL(FACEID_ACTIONS[action].endpoint);
  return { url, headers: await signedHeaders(ctx, action, url, body) };
}

/**
 * Sends a signed `body` as `action` once and returns the checked reply's Response object.
 * `timeoutMs` bounds the whole exchange, body included.
 * @throws the caller's `signal.reason` when it aborts; {FaceIdTimeoutError}; {FaceIdNetworkError};
 *   {FaceIdBadResponseError}; {FaceIdApiError}.
 */
export async function sendSigned(
  ctx: CallContext,
  action: FaceIdAction,
  { url, headers }: SignedCall,
  body: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  signal?.throwIfAborted();
  const { signal: combined, timedOut, done } = deadline(timeoutMs, signal);
  let status: number;
  let text: string;
  try {
    const response = await ctx.fetch(url.href, { method: 'POST', headers, body, redirect: 'manual', signal: combined });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timedOut()) throw new FaceIdTimeoutError(action, timeoutMs);
    throw new FaceIdNetworkError(action, error);
  } finally {
    done();
  }
  return parseReply(action, status, text);
}
