// Starts one stack for the whole run, on free ports (PORT=0, SIMULATOR_PORT=0) with the test controls on,
// and hands its URLs to the workers through the environment. The returned function stops it.
import { startStack, stackEnv } from './stack.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack(
    stackEnv({
      PORT: '0',
      SIMULATOR_PORT: '0',
      FACEID_SIMULATOR_TEST_CONTROLS: '1',
      // Every request here comes from 127.0.0.1: lift the per-client limit (60/min) for a suite of many flows.
      FACEID_RATE_LIMIT: '0',
    }),
  );
  process.env.E2E_BASE_URL = stack.baseUrl;
  if (!stack.simulatorUrl) throw new Error('npm start did not start the simulator');
  process.env.E2E_SIMULATOR_URL = stack.simulatorUrl;
  return async () => {
    await stack.stop();
  };
}
