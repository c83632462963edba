/**
 * `POST /`: the FaceID API (faceid-api.md §2, §5). Order of checks: signature, then version, action,
 * rate limit, region, parameters. Injected faults answer right after the call is logged.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ACTIONS } from './actions/index.js';
import { envelope, errorEnvelope, SimulatorApiError } from './api-error.js';
import { faultResponse } from './faults.js';
import type { Params } from './params.js';
import { CALL_LOG_LIMIT, type SimulatorState } from './state.js';
import { API_VERSION } from './types.js';

/** Tencent's request size limit, bytes. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function parseParams(body: Uint8Array): Params {
  if (body.length > MAX_BODY_BYTES)
    throw new SimulatorApiError('RequestSizeLimitExceeded', 'The request is over 10 MB.');
  let value: unknown;
  try {
    value = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(body.length ? body : new TextEncoder().encode('{}')),
    );
  } catch {
    throw new SimulatorApiError('InvalidParameter', 'The request body is not valid UTF-8 JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SimulatorApiError('InvalidParameter', 'The request body must be a JSON object.');
  }
  return value as Params;
}

function checkRegion(regions: readonly string[] | null, region: string | null): string | null {
  if (regions === null) return null;
  if (!region) throw new SimulatorApiError('MissingParameter', 'The request is missing a required parameter Region.');
  if (!regions.includes(region)) {
    throw new SimulatorApiError('InvalidParameterValue', `The region ${region} is not supported by this action.`);
  }
  return region;
}

/** Runs the checks after the signature and the action itself; throws SimulatorApiError. */
function answer(state: SimulatorState, headers: Headers, body: Uint8Array, now: number): object {
  const version = headers.get('x-tc-version');
  if (!version) throw new SimulatorApiError('MissingParameter', 'The request is missing a required parameter Version.');
  if (version !== API_VERSION) throw new SimulatorApiError('NoSuchVersion', `FaceID has no version ${version}.`);
  const name = headers.get('x-tc-action') ?? '';
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (!action) throw new SimulatorApiError('InvalidAction', `The action ${name || '(none)'} is not supported.`);
  if (!state.limiter.tryAcquire(name, now)) throw new SimulatorApiError('RequestLimitExceeded');
  const region = checkRegion(action.regions, headers.get('x-tc-region'));
  const params = parseParams(body);
  return action.handle(params, {
    store: state.store,
    now,
    region,
    publicUrl: state.publicUrl,
    bizTokenTtlMs: state.bizTokenTtlMs,
  });
}

function logCall(state: SimulatorState, headers: Headers, at: number, signatureValid: boolean): void {
  state.calls.push({
    action: headers.get('x-tc-action') ?? '',
    region: headers.get('x-tc-region'),
    at,
    signatureValid,
  });
  if (state.calls.length > CALL_LOG_LIMIT) state.calls.shift();
}

async function verify(state: SimulatorState, request: Request, body: Uint8Array<ArrayBuffer>, now: number) {
  try {
    await state.verifier.verify({ method: request.method, url: request.url, headers: request.headers, body }, now);
    return null;
  } catch (error) {
    if (error instanceof SimulatorApiError) return error;
    throw error;
  }
}

/** Refuses bodies over 10 MB before reading them, as `RequestSizeLimitExceeded`. */
export const apiBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    c.json(errorEnvelope(new SimulatorApiError('RequestSizeLimitExceeded', 'The request is over 10 MB.'))),
});

/** The Hono handler of `POST /`. */
export function createApiHandler(state: SimulatorState) {
  return async (c: Context): Promise<Response> => {
    const request = c.req.raw;
    const body = new Uint8Array(await request.arrayBuffer());
    const now = state.clock.now();
    const authError = await verify(state, request, body, now);
    logCall(state, request.headers, now, authError === null);
    const fault = state.faults.take(request.headers.get('x-tc-action') ?? '');
    if (fault) return faultResponse(fault, request.signal, state.faults.releaseSignal);
    try {
      if (authError) throw authError;
      return c.json(envelope(answer(state, request.headers, body, now)));
    } catch (error) {
      if (error instanceof SimulatorApiError) return c.json(errorEnvelope(error));
      return c.json(errorEnvelope(new SimulatorApiError('InternalError')));
    }
  };
}
