/**
 * Request bodies of every route, strict (unknown keys are refused: a browser can never slip in
 * `CompareImageBase64`, `Config`, `RuleId`, `Extra`, `Name` or `IdCard`, security rule 3). Tokens are
 * limited to the characters FaceID uses, so odd input never reaches upstream.
 */
import * as v from 'valibot';
import { LANGUAGES, MODES } from '../contract.js';
import { FLOW_STATUSES } from '../ledger/status.js';
import { MAX_REDIRECT_URL_LENGTH } from './redirect-url.js';

export { LANGUAGES } from '../contract.js';
/** Body limit of the browser routes and token reads, bytes. */
export const BROWSER_BODY_LIMIT = 16 * 1024;
/** Body limit of the routes carrying an image, bytes. */
export const IMAGE_BODY_LIMIT = 12 * 1024 * 1024;

const token = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,128}$/, 'must be a FaceID token'));
const base64Image = v.pipe(v.string(), v.nonEmpty(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'));
const shortText = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** `redirectUrl` is required in `redirect` mode (the default) and refused in the others (the proxy's page is used). */
export const SessionRequestSchema = v.pipe(
  v.strictObject({
    redirectUrl: v.optional(v.pipe(v.string(), v.maxLength(MAX_REDIRECT_URL_LENGTH))),
    language: v.optional(v.picklist(LANGUAGES)),
    mode: v.optional(v.picklist(MODES)),
  }),
  v.check(
    (body) => (body.mode ?? 'redirect') !== 'redirect' || body.redirectUrl !== undefined,
    'redirectUrl is required in redirect mode',
  ),
  v.check(
    (body) => (body.mode ?? 'redirect') === 'redirect' || body.redirectUrl === undefined,
    "redirectUrl is only for redirect mode: tab and handoff use the proxy's own page",
  ),
);

export const ResultRequestSchema = v.strictObject({
  bizToken: token,
  /** Absent only on the server-to-server use of the route. */
  binding: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(2048))),
});

export const SdkTokenRequestSchema = v.strictObject({
  checkMode: v.optional(v.picklist(['liveness', 'compare'])),
  secureLevel: v.optional(v.picklist(['1', '2', '3', '4'])),
  imageBase64: v.optional(base64Image),
  extra: v.optional(shortText(1000)),
  actionList: v.optional(v.pipe(v.string(), v.regex(/^(blink|mouth|nod|shake)(,(blink|mouth|nod|shake))?$/))),
  sdkVersion: v.optional(v.picklist(['BASIC', 'ENHANCED', 'PRO', 'PLUS'])),
  retryLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
});

export const SdkResultRequestSchema = v.strictObject({ sdkToken: token });

export const ImageRecognitionRequestSchema = v.strictObject({
  idCard: shortText(64),
  name: shortText(64),
  imageBase64: base64Image,
  extra: v.optional(shortText(10)),
});

/** A BizToken in a path (`/flows/{bizToken}`). */
export const BizTokenSchema = token;

/** `GET /flows?status=&after=&limit=`: `limit` 1–100 (default 100), `after` the last bizToken of the previous page. */
export const FlowsQuerySchema = v.strictObject({
  status: v.optional(v.picklist(FLOW_STATUSES, `must be one of ${FLOW_STATUSES.join(', ')}`)),
  after: v.optional(token),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be an integer from 1 to 100'),
      v.transform(Number),
      v.minValue(1, 'must be an integer from 1 to 100'),
      v.maxValue(100, 'must be an integer from 1 to 100'),
    ),
  ),
});
