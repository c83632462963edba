/**
 * Rows of the web flow (design.md "The HTTP contract"):
 * `POST /web/sessions` → ApplyWebVerificationBizTokenIntl (legacy: ApplyWebVerificationToken), 201 WebSession;
 * `POST /web/results` → 200 WebVerificationResult, read only with the binding issued for its BizToken and flow, or
 * by an authorised server: from the ledger once terminal, else GetWebVerificationResultIntl (legacy:
 * GetWebVerificationResult) through flow-read.ts.
 */
import { BROWSER_BODY_LIMIT, ResultRequestSchema, SessionRequestSchema } from '../schemas.js';
import { readFlow } from '../flow-read.js';
import { route } from './route.js';
import { applyIntlRequest, applyLegacyRequest, sessionAnswer } from './web-session.js';

export const WEB_ROUTES = [
  route({
    name: 'web.sessions',
    method: 'POST',
    path: '/web/sessions',
    kind: 'browser',
    schema: SessionRequestSchema,
    bodyLimit: BROWSER_BODY_LIMIT,
    status: 201,
    upstream: {
      intl: {
        action: 'ApplyWebVerificationBizTokenIntl',
        request: applyIntlRequest,
        answer: (reply, input) => sessionAnswer(reply.BizToken, reply.VerificationURL, input),
      },
      legacy: {
        action: 'ApplyWebVerificationToken',
        request: applyLegacyRequest,
        answer: (reply, input) => sessionAnswer(reply.BizToken, reply.VerificationUrl, input),
      },
    },
  }),
  route({
    name: 'web.results',
    method: 'POST',
    path: '/web/results',
    kind: 'browser',
    schema: ResultRequestSchema,
    bodyLimit: BROWSER_BODY_LIMIT,
    binding: (body) => body,
    // A terminal flow answers from the ledger; otherwise one paced upstream read, its verdict recorded.
    respond: async ({ c, deps, body }) => (await readFlow(deps, body.bizToken, c)).result,
  }),
];
