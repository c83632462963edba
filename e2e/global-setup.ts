// Starts one stack for the whole run, on free ports (PORT=0, SIMULATOR_PORT=0) with the test controls on,
// and hands its URLs to the workers through the environment. The returned function stops it.
import { newWebhookSecret } from '@faceid-verify/proxy/ledger';
import { startStack, stackEnv } from './stack.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Known to the specs, so they can sign webhooks of their own to the backend example (webhooks.spec.ts).
  const webhookSecret = newWebhookSecret();
  const stack = await startStack(
    stackEnv({
      PORT: '0',
      SIMULATOR_PORT: '0',
      FACEID_SIMULATOR_TEST_CONTROLS: '1',
      // Every request here comes from 127.0.0.1: lift the per-client limit (60/min) for a suite of many flows.
      FACEID_RATE_LIMIT: '0',
      FACEID_WEBHOOK_SECRET: webhookSecret,
      // Specs count FaceID reads; the reconciler's re-reads of flows left pending would land in them at random.
      FACEID_RECONCILE_INTERVAL_MS: String(3600_000),
    }),
  );
  process.env.E2E_BASE_URL = stack.baseUrl;
  if (!stack.simulatorUrl) throw new Error('npm start did not start the simulator');
  process.env.E2E_SIMULATOR_URL = stack.simulatorUrl;
  process.env.E2E_WEBHOOK_SECRET = webhookSecret;
  return async () => {
    await stack.stop();
  };
}
