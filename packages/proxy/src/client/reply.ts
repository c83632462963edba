/**
 * Reads one FaceID HTTP answer: `{"Response": {...}}` with the action's fields and `RequestId`, or
 * `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}` (faceid-api.md §5.1). Anything else is a
 * `FaceIdBadResponseError`; the raw body never goes into an error message.
 */
import { FACEID_ACTIONS, type FaceIdAction } from './actions.js';
import { FaceIdApiError, FaceIdBadResponseError } from './errors.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function responseObject(action: FaceIdAction, status: number, text: string): Json {
  if (status !== 200) throw new FaceIdBadResponseError(action, status, `HTTP ${status}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FaceIdBadResponseError(action, status, 'the body is not JSON');
  }
  const reply = isObject(json) ? json['Response'] : undefined;
  if (!isObject(reply)) throw new FaceIdBadResponseError(action, status, 'the body has no Response object');
  return reply;
}

function throwApiError(action: FaceIdAction, error: Json, requestId: unknown): never {
  const { Code: code, Message: message } = error;
  if (!isText(code)) throw new FaceIdBadResponseError(action, 200, 'Response.Error has no Code');
  const id = isText(requestId) ? requestId : '';
  throw new FaceIdApiError(action, code, typeof message === 'string' ? message : '', id);
}

/**
 * Parses and checks the answer of `action`; returns the `Response` object.
 * `ApplyWebVerificationBizTokenIntl` replies get `VerificationURL` filled from `VerificationUrl` when only that came.
 * @throws {FaceIdApiError} for `Response.Error`; {FaceIdBadResponseError} for any other unusable answer.
 */
export function parseReply(action: FaceIdAction, status: number, text: string): Json {
  const reply = responseObject(action, status, text);
  const requestId = reply['RequestId'];
  if (isObject(reply['Error'])) throwApiError(action, reply['Error'], requestId);
  if (!isText(requestId)) throw new FaceIdBadResponseError(action, status, 'the reply has no RequestId');
  if (action === 'ApplyWebVerificationBizTokenIntl' && !isText(reply['VerificationURL'])) {
    reply['VerificationURL'] = reply['VerificationUrl'];
  }
  for (const field of FACEID_ACTIONS[action].required) {
    if (!isText(reply[field])) {
      throw new FaceIdBadResponseError(action, status, `the reply has no ${field}`, requestId);
    }
  }
  return reply;
}
