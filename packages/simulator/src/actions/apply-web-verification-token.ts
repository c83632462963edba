/**
 * `ApplyWebVerificationToken` (legacy intl H5, faceid-api.md §3.2): every parameter required, `RedirectUrl`
 * spelled with `Url`, the comparison photo given as a COS URL plus its MD5. BizToken valid 7,200 s.
 */
import { requiredHttpUrl, requiredString, valueError } from '../params.js';
import { LEGACY_BIZ_TOKEN_TTL_MS } from '../types.js';
import { LEGACY_REGIONS, verificationUrl, type ActionDefinition } from './action.js';

export const applyWebVerificationToken: ActionDefinition = {
  regions: LEGACY_REGIONS,
  handle(params, { store, now, region, publicUrl }) {
    const redirectUrl = requiredHttpUrl(params, 'RedirectUrl');
    requiredHttpUrl(params, 'CompareImageUrl');
    if (!/^[0-9a-fA-F]{32}$/.test(requiredString(params, 'CompareImageMd5'))) {
      throw valueError('CompareImageMd5', 'not 32 hex digits');
    }
    const flow = store.issue({ kind: 'web-legacy', region, startTtlMs: LEGACY_BIZ_TOKEN_TTL_MS, redirectUrl }, now);
    return { BizToken: flow.token, VerificationUrl: verificationUrl(publicUrl, flow.token) };
  },
};
