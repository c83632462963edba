/**
 * `ApplySdkVerificationToken` (eKYC App SDK, OCR + liveness; faceid-api.md §1.2, §4.3): issues the SdkToken
 * that `GetSdkVerificationResult` reads. Parameters are type-checked, not interpreted.
 */
import { optionalBoolean, optionalInteger, optionalString } from '../params.js';
import { INTL_REGIONS, type ActionDefinition } from './action.js';

export const applySdkVerificationToken: ActionDefinition = {
  regions: INTL_REGIONS,
  handle(params, { store, now, region, bizTokenTtlMs }) {
    optionalInteger(params, 'CheckMode', 1, 3);
    optionalInteger(params, 'SecurityLevel', 1, 5);
    for (const name of ['IdCardType', 'CompareImage', 'SelectedWarningCodes', 'SdkVersion', 'ActionList']) {
      optionalString(params, name);
    }
    for (const name of [
      'NeedVerifyIdCard',
      'DisableChangeOcrResult',
      'DisableCheckOcrWarnings',
      'AllowExpiredDocument',
    ]) {
      optionalBoolean(params, name);
    }
    const extra = optionalString(params, 'Extra');
    const flow = store.issue(
      { kind: 'ekyc', region, startTtlMs: bizTokenTtlMs, extra: extra ?? null, compare: true },
      now,
    );
    return { SdkToken: flow.token };
  },
};
