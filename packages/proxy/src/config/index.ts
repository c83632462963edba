export * from './defaults.js';
export { ConfigError, EnvError } from './error.js';
export { ENV_VARIABLES, envErrorOf, optionsFromEnv, readEnv, variableOf, type Env, type EnvVariable } from './env.js';
export { resolveProxyOptions, type ResolvedProxyOptions } from './options.js';
export { ACTION_REGIONS, FLOW_ACTIONS, FLOW_REGIONS } from './regions.js';
