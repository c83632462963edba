/**
 * `POST /`: the FaceID API (faceid-api.md §2, §5). A form-urlencoded body without Authorization is a v1 call
 * (Action, Version, Region and the request in the form); anything else is TC3 (X-TC-* headers, JSON body).
 * Order of checks: signature, then version, action, rate limit, region, parameters. Injected faults answer
 * right after the call is logged.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ACTIONS } from './actions/index.js';
import { envelope, errorEnvelope, SimulatorApiError } from './api-error.js';
import { isV1Request, V1_COMMON_PARAMS } from './auth-v1.js';
import { faultResponse } from './faults.js';
import { paramsFromForm } from './form-params.js';
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

/** What one API call names, whichever signature carried it. */
interface ApiCall {
  action: string;
  version: string | null;
  region: string | null;
  /** The action's request. @throws {SimulatorApiError} `InvalidParameter`, `RequestSizeLimitExceeded`. */
  params(): Params;
}

function tc3Call(headers: Headers, body: Uint8Array): ApiCall {
  return {
    action: headers.get('x-tc-action') ?? '',
    version: headers.get('x-tc-version'),
    region: headers.get('x-tc-region'),
    params: () => parseParams(body),
  };
}

function v1Call(form: URLSearchParams): ApiCall {
  return {
    action: form.get('Action') ?? '',
    version: form.get('Version'),
    region: form.get('Region'),
    params: () => paramsFromForm(form, V1_COMMON_PARAMS),
  };
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
function answer(state: SimulatorState, call: ApiCall, now: number): object {
  const { version, action: name } = call;
  if (!version) throw new SimulatorApiError('MissingParameter', 'The request is missing a required parameter Version.');
  if (version !== API_VERSION) throw new SimulatorApiError('NoSuchVersion', `FaceID has no version ${version}.`);
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (!action) throw new SimulatorApiError('InvalidAction', `The action ${name || '(none)'} is not supported.`);
  if (!state.limiter.tryAcquire(name, now)) throw new SimulatorApiError('RequestLimitExceeded');
  const region = checkRegion(action.regions, call.region);
  return action.handle(call.params(), {
    store: state.store,
    now,
    region,
    publicUrl: state.publicUrl,
    bizTokenTtlMs: state.bizTokenTtlMs,
  });
}

function logCall(state: SimulatorState, call: ApiCall, at: number, signatureValid: boolean): void {
  state.calls.push({ action: call.action, region: call.region, at, signatureValid });
  if (state.calls.length > CALL_LOG_LIMIT) state.calls.shift();
}

/** The signature check's API error, or null when it passed. */
async function refusal(check: Promise<unknown>): Promise<SimulatorApiError | null> {
  try {
    await check;
    return null;
  } catch (error) {
    if (error instanceof SimulatorApiError) return error;
    throw error;
  }
}

/** Reads the call and checks its signature: v1 for a form body without Authorization, else TC3. */
async function authenticate(state: SimulatorState, request: Request, body: Uint8Array<ArrayBuffer>, now: number) {
  const { method, url, headers } = request;
  if (isV1Request(headers)) {
    const form = new URLSearchParams(new TextDecoder().decode(body));
    return {
      call: v1Call(form),
      authError: await refusal(state.v1Verifier.verify({ method, url, headers }, form, now)),
    };
  }
  const authError = await refusal(state.verifier.verify({ method, url, headers, body }, now));
  return { call: tc3Call(headers, body), authError };
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
    const { call, authError } = await authenticate(state, request, body, now);
    logCall(state, call, now, authError === null);
    const fault = state.faults.take(call.action);
    if (fault) return faultResponse(fault, request.signal, state.faults.releaseSignal);
    try {
      if (authError) throw authError;
      return c.json(envelope(answer(state, call, now)));
    } catch (error) {
      if (error instanceof SimulatorApiError) return c.json(errorEnvelope(error));
      return c.json(errorEnvelope(new SimulatorApiError('InternalError')));
    }
  };
}
