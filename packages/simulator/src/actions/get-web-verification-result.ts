/**
 * `GetWebVerificationResult` (legacy, seed 001, faceid-api.md §3.2): like the Intl result but media come
 * as short-lived URLs plus MD5 instead of base64.
 */
import { fileInfo } from '../media-routes.js';
import { requiredString } from '../params.js';
import { LEGACY_REGIONS, type ActionDefinition } from './action.js';
import { hasMedia, webVerdictFields } from './web-result.js';

export const getWebVerificationResult: ActionDefinition = {
  regions: LEGACY_REGIONS,
  handle(params, { store, now, region, publicUrl }) {
    const flow = store.read(requiredString(params, 'BizToken'), ['web-legacy'], region, now);
    const frame = hasMedia(flow) ? fileInfo(publicUrl, 'best-frame.jpg') : null;
    const video = hasMedia(flow) ? fileInfo(publicUrl, 'video.mp4') : null;
    return {
      ...webVerdictFields(flow),
      VideoBestFrameUrl: frame?.Url ?? null,
      VideoBestFrameMd5: frame?.MD5 ?? null,
      VideoUrl: video?.Url ?? null,
      VideoMd5: video?.MD5 ?? null,
    };
  },
};
