/** The simulated actions by `X-TC-Action` name. */
import type { ActionDefinition } from './action.js';
import { applyWebVerificationBizTokenIntl } from './apply-web-verification-biz-token-intl.js';
import { getWebVerificationResultIntl } from './get-web-verification-result-intl.js';

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  ApplyWebVerificationBizTokenIntl: applyWebVerificationBizTokenIntl,
  GetWebVerificationResultIntl: getWebVerificationResultIntl,
};

export type { ActionContext, ActionDefinition } from './action.js';
