export { createNodeFaceIdClient } from './client.js';
export { nodeTc3Crypto } from './crypto.js';
export {
  DEFAULT_PORT,
  DEFAULT_SANDBOX_ENDPOINT,
  EnvError,
  listenFromEnv,
  proxyOptionsFromEnv,
  SANDBOX_CREDENTIALS,
} from './env.js';
export {
  createUndiciFetch,
  undiciFetch,
  type UndiciFetch,
  type UndiciFetchOptions,
  type UndiciFetchResponse,
} from './fetch.js';
export { main as runFaceIdProxyCli } from './main.js';
export { serveFaceIdProxy, withNodeDefaults, type RunningFaceIdProxy, type ServeFaceIdProxyOptions } from './serve.js';
export { createNodeHandler, type NodeHandler, type NodeHandlerOptions } from './handler.js';
export { DEFAULT_CLOSE_GRACE_MS, type CloseOptions } from './shutdown.js';
export { startLedgerWorker, type LedgerWorker, type LedgerWorkerOptions } from './ledger-worker.js';
export { DEFAULT_DATABASE_URL, parseDatabaseUrl, storeFromUrl, type DatabaseUrl } from './store-from-url.js';
