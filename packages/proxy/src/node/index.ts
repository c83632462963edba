export { createNodeFaceIdClient } from './client.js';
export { nodeTc3Crypto } from './crypto.js';
export { createUndiciFetch, undiciFetch, type UndiciFetchOptions } from './fetch.js';
