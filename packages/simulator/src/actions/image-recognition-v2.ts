/**
 * `ImageRecognitionV2` (seed 004, faceid-api.md §4.4): compares a photo with the ID-photo database.
 * Region is not required. The outcome is chosen by `Name` (see the README table), so tests are deterministic:
 * a failed comparison comes back as data (`Result`) or as an error, as Tencent does both.
 */
import { SimulatorApiError } from '../api-error.js';
import { optionalObject, optionalString, requiredBase64, requiredString, valueError } from '../params.js';
import type { ActionDefinition } from './action.js';

/** Base64 characters of `ImageBase64` (3 MB). */
const MAX_IMAGE_BASE64 = 3 * 1024 * 1024;
export const IMAGE_RECOGNITION_SIM = 89.88;
export const IMAGE_RECOGNITION_LOW_SIM = 26.04;

/** Name fragment → error code answered as `Response.Error`. Checked in order, case-sensitive. */
export const IMAGE_RECOGNITION_ERRORS: readonly (readonly [string, string, string])[] = [
  ['Mismatch', 'FailedOperation.IdNameMisMatch', 'Name and ID card number mismatch.'],
  ['NoFace', 'FailedOperation.LifePhotoDetectNoFaces', 'No face detected in the photo.'],
  ['Fake', 'FailedOperation.LifePhotoDetectFake', 'The photo is suspected to be fake.'],
  ['Busy', 'FailedOperation.CompareLibServiceUnavailable', 'Comparison library temporarily unavailable.'],
];

export const imageRecognitionV2: ActionDefinition = {
  regions: null,
  handle(params) {
    const idCard = requiredString(params, 'IdCard');
    const name = requiredString(params, 'Name', 64);
    requiredBase64(params, 'ImageBase64', MAX_IMAGE_BASE64);
    optionalString(params, 'Optional');
    optionalObject(params, 'Encryption');
    const extra = optionalString(params, 'Extra');
    if (extra !== undefined && extra.length > 10) throw valueError('Extra', 'longer than 10 characters');
    if (!optionalObject(params, 'Encryption') && !/^[0-9A-Za-z()]{6,32}$/.test(idCard)) {
      throw new SimulatorApiError('FailedOperation.IdFormatError', 'Input identity card number error.');
    }
    const error = IMAGE_RECOGNITION_ERRORS.find(([fragment]) => name.includes(fragment));
    if (error) throw new SimulatorApiError(error[1], error[2]);
    const low = name.includes('LowSim');
    return {
      Result: low ? 'FailedOperation.CompareLowSimilarity' : 'Success',
      Description: low ? 'Similarity comparison does not reach the pass standard' : 'Success',
      Sim: low ? IMAGE_RECOGNITION_LOW_SIM : IMAGE_RECOGNITION_SIM,
      // Echoed only when sent, like the seed's examples.
      ...(extra === undefined ? {} : { Extra: extra }),
    };
  },
};
