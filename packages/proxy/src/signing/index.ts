export {
  buildCanonicalRequest,
  signedHeaderNames,
  TC3_SIGNED_HEADERS,
  type CanonicalRequestInput,
} from './canonical-request.js';
export { toHex, utf8, webTc3Crypto, type Tc3Crypto } from './crypto.js';
export { deriveSigningKey, SigningKeyCache, SIGNING_KEY_CACHE_SIZE } from './signing-key.js';
export {
  buildAuthorization,
  computeTc3Signature,
  DEFAULT_CONTENT_TYPE,
  signTc3,
  type Tc3SignatureParts,
  type Tc3SignInput,
  type Tc3SignOptions,
} from './sign.js';
export { buildStringToSign, credentialScope, TC3_ALGORITHM, utcDate } from './string-to-sign.js';
