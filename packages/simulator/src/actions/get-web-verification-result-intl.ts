/** `GetWebVerificationResultIntl` (faceid-api.md §3.1): the verdict, attempts, media and OCR of a BizToken. */
import { CARD_BASE64, FACE_BASE64, VIDEO_BASE64 } from '../media.js';
import { requiredString } from '../params.js';
import type { Flow } from '../store.js';
import { WEB_RESULT_REGIONS, type ActionDefinition } from './action.js';
import { hasMedia, webVerdictFields } from './web-result.js';

/** A fixed HKID card read, for CheckMode 1 (OCR + liveness) and 4 (OCR only). */
function ocrResult(flow: Flow): unknown[] | null {
  if ((flow.checkMode !== 1 && flow.checkMode !== 4) || !hasMedia(flow)) return null;
  return [
    {
      IsPass: true,
      CardImageBase64: CARD_BASE64,
      CardInfo: {
        HKIDCard: { CnName: '陳大文', EnName: 'CHAN, Tai Man', IdNum: 'A123456(3)', Birthday: '01-01-1990', Sex: 'M' },
      },
      WarnCardInfos: [],
      RequestId: crypto.randomUUID(),
    },
  ];
}

export const getWebVerificationResultIntl: ActionDefinition = {
  regions: WEB_RESULT_REGIONS,
  handle(params, { store, now, region }) {
    const flow = store.read(requiredString(params, 'BizToken'), ['web-intl'], region, now);
    const media = hasMedia(flow);
    return {
      ...webVerdictFields(flow),
      VideoBase64: media ? VIDEO_BASE64 : null,
      BestFrameBase64: media ? FACE_BASE64 : null,
      OCRResult: ocrResult(flow),
      Extra: flow.extra ?? null,
    };
  },
};
