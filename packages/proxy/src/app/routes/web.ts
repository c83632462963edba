/**
 * Rows of the web flow (design.md "The HTTP contract"):
 * `POST /web/sessions` → ApplyWebVerificationBizTokenIntl (legacy: ApplyWebVerificationToken), 201 WebSession;
 * `POST /web/results` → GetWebVerificationResultIntl (legacy: GetWebVerificationResult), 200 WebVerificationResult,
 * read only with the binding issued for its BizToken and flow, or by an authorised server.
 */
import { BROWSER_BODY_LIMIT, ResultRequestSchema, SessionRequestSchema } from '../schemas.js';
import { expiredWebResult, normaliseWebResult } from '../normalise.js';
import { route, type VerdictInput } from './route.js';
import { applyIntlRequest, applyLegacyRequest, sessionAnswer } from './web-session.js';

const expired = ({ requestId }: VerdictInput) => expiredWebResult(requestId, 'BizToken expired');

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
    upstream: {
      intl: {
        action: 'GetWebVerificationResultIntl',
        request: ({ body }) => ({ BizToken: body.bizToken }),
        answer: (reply, { deps }) => normaliseWebResult(reply, deps.options.media),
        verdict: expired,
      },
      legacy: {
        action: 'GetWebVerificationResult',
        request: ({ body }) => ({ BizToken: body.bizToken }),
        answer: (reply, { deps }) => normaliseWebResult(reply, deps.options.media),
        verdict: expired,
      },
    },
  }),
];
