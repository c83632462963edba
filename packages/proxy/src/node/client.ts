/** The FaceID client with Node's fast primitives: `node:crypto` for signing and undici for transport. */
import { createFaceIdClient, type FaceIdClient, type FaceIdClientOptions } from '../client/index.js';
import { nodeTc3Crypto } from './crypto.js';
import { undiciFetch } from './fetch.js';

/**
 * `createFaceIdClient` with `crypto: nodeTc3Crypto` and `fetch: undiciFetch` unless the options give others.
 * @throws {TypeError} naming the option when an option is invalid.
 */
export function createNodeFaceIdClient(options: FaceIdClientOptions): FaceIdClient {
  return createFaceIdClient({
    ...options,
    crypto: options.crypto ?? nodeTc3Crypto,
    fetch: options.fetch ?? undiciFetch,
  });
}
