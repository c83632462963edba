// The environment parser is Web-only (the `/handler` entry reads it on every runtime); Node re-exports it.
export {
  DEFAULT_PORT,
  DEFAULT_SANDBOX_ENDPOINT,
  EnvError,
  integer,
  listenFromEnv,
  proxyOptionsFromEnv,
  SANDBOX_CREDENTIALS,
  type Env,
} from '../env.js';
