/** `GetFaceIdTokenIntl` (selfie App SDK, seed 003, faceid-api.md §4.1): issues an SdkToken valid 10 minutes. */
import { SimulatorApiError } from '../api-error.js';
import { optionalEnum, optionalInteger, optionalString, requiredBase64 } from '../params.js';
import { INTL_REGIONS, type ActionDefinition } from './action.js';

/** Base64 characters of `Image` before `FailedOperation.ImageSizeTooLarge` (3 MB). */
export const MAX_IMAGE_BASE64 = 3 * 1024 * 1024;

export const getFaceIdTokenIntl: ActionDefinition = {
  regions: INTL_REGIONS,
  handle(params, { store, now, region, bizTokenTtlMs }) {
    const checkMode = optionalEnum(params, 'CheckMode', ['liveness', 'compare']) ?? 'liveness';
    optionalEnum(params, 'SecureLevel', ['1', '2', '3', '4']);
    optionalEnum(params, 'SdkVersion', ['BASIC', 'ENHANCED', 'PRO', 'PLUS']);
    optionalInteger(params, 'RetryLimit', 1, 5);
    optionalString(params, 'ActionList');
    const extra = optionalString(params, 'Extra');
    if (checkMode === 'compare') {
      if (typeof params.Image === 'string' && params.Image.length > MAX_IMAGE_BASE64) {
        throw new SimulatorApiError('FailedOperation.ImageSizeTooLarge', 'The image is too large.');
      }
      requiredBase64(params, 'Image', MAX_IMAGE_BASE64);
    }
    const flow = store.issue(
      { kind: 'sdk', region, startTtlMs: bizTokenTtlMs, extra: extra ?? null, compare: checkMode === 'compare' },
      now,
    );
    return { SdkToken: flow.token };
  },
};
