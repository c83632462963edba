// The options are validated in ../config/ (one configuration for the app, the env table and the CLI).
export { resolveProxyOptions, type ResolvedProxyOptions } from '../config/options.js';
