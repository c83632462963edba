/**
 * One upstream call from a route: records the action and Tencent's RequestId for the log line and runs the
 * call under the app's upstream guard (concurrency, per-action pacing, route deadline).
 */
import type { Context } from 'hono';
import type { FaceIdClient } from '../../client/index.js';
import type { ProxyDeps, ProxyEnv } from '../context.js';
import { ProxyError } from '../errors.js';
import type { UpstreamCall } from '../upstream.js';

/** Tencent codes that blame the request's input (an unknown token, a bad parameter, an oversized image). */
const CALLER_FAULT =
  /^(InvalidParameter|InvalidParameterValue|MissingParameter|FailedOperation\.ImageSizeTooLarge)(\.|$)/;
/** Flag for calls whose input the caller chose (tokens, S2S fields): input errors become 400 `invalid_request`. */
export const CALLER_INPUT = true;

export async function callUpstream<T extends { RequestId: string }>(
  c: Context<ProxyEnv>,
  deps: ProxyDeps,
  action: string,
  call: (client: FaceIdClient, options: Parameters<UpstreamCall<T>>[0]) => Promise<T>,
  callerInput = false,
): Promise<T> {
  c.set('action', action);
  try {
    // Not passing c.req.raw.signal on purpose: reading it makes @hono/node-server build a full Request per call
    // (~13 % of the proxy's CPU per call, measured). The route deadline still bounds every FaceID call.
    const reply = await deps.guard(action, (options) => call(deps.client, options));
    c.set('upstreamRequestId', reply.RequestId);
    return reply;
  } catch (error) {
    throw callerInput ? blameCaller(error) : error;
  }
}

/** Tencent's input errors as 400 `invalid_request` (its code kept as upstreamCode); anything else unchanged. */
function blameCaller(error: unknown): unknown {
  const details = error instanceof ProxyError ? error.details : undefined;
  if (details?.upstreamCode === undefined || !CALLER_FAULT.test(details.upstreamCode)) return error;
  // BizTokenExpired is a verdict (expired), not an input error: the routes answer it themselves.
  if (details.upstreamCode === 'InvalidParameterValue.BizTokenExpired') return error;
  return new ProxyError('invalid_request', 'FaceID refused the input', { ...details, retryable: false });
}
