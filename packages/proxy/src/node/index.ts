export { nodeTc3Crypto } from './crypto.js';
