/**
 * FaceID API errors and the `{"Response": …}` envelope. Tencent answers API errors with HTTP 200 and
 * `Response.Error {Code, Message}`; every reply carries a fresh `RequestId` (faceid-api.md §5.1).
 */

const DEFAULT_MESSAGES: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'The Authorization header is missing or malformed.',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.SignatureExpire': 'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.',
  'AuthFailure.SignatureFailure':
    'The provided credentials could not be validated. Please check your signature is correct.',
  'AuthFailure.TokenFailure': 'The X-TC-Token of the temporary credentials is missing or wrong.',
  InvalidAction: 'The action requested was invalid or not found.',
  NoSuchVersion: 'The API version does not exist.',
  RequestLimitExceeded: 'Your current request times equals to 20 in a second, which exceeds the frequency limit.',
  InternalError: 'Internal error.',
  'InvalidParameterValue.BizTokenExpired': 'BizToken expired.',
  'InvalidParameterValue.BizTokenIllegal': 'BizToken is illegal.',
};

/** An API error the simulator answers as `Response.Error`. */
export class SimulatorApiError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message ?? DEFAULT_MESSAGES[code] ?? code);
    this.name = 'SimulatorApiError';
    this.code = code;
  }
}

/** `{"Response": {...fields, "RequestId"}}`. */
export function envelope(fields: object): { Response: Record<string, unknown> } {
  return { Response: { ...fields, RequestId: crypto.randomUUID() } };
}

/** `{"Response": {"Error": {Code, Message}, "RequestId"}}`. */
export function errorEnvelope(error: SimulatorApiError): { Response: Record<string, unknown> } {
  return envelope({ Error: { Code: error.code, Message: error.message } });
}
