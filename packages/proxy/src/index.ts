export * from './signing/index.js';
export * from './client/index.js';
export * from './app/index.js';
export * from './config/index.js';
