// `npm start` itself: start-up errors name the variable to change; credentials switch the upstream.
import { createServer } from 'node:net';
import { expect, test } from './fixtures.js';
import { runStartScript, stackEnv, startStack } from './stack.js';

test('a busy PORT stops npm start with a message naming PORT', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as { port: number };
  try {
    const { code, output } = await runStartScript(stackEnv({ PORT: String(port), SIMULATOR_PORT: '0' }));
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(output).toContain(`PORT=`);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test('a bad SIMULATOR_PORT stops npm start with a message naming it', async () => {
  const { code, output } = await runStartScript(stackEnv({ PORT: '0', SIMULATOR_PORT: 'eighty' }));
  expect(code).toBe(1);
  expect(output).toContain('SIMULATOR_PORT=eighty is not a port number');
});

test('with credentials set, npm start skips the simulator and the page says Tencent is the upstream', async ({
  page,
}) => {
  // Invented credentials: loading the page asks only the local proxy's /health, never Tencent.
  const stack = await startStack(
    stackEnv({
      PORT: '0',
      TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLEe2eNotARealKey000000000000',
      TENCENTCLOUD_SECRET_KEY: 'EXAMPLEe2eNotARealSecretKey0000000',
    }),
  );
  try {
    expect(stack.simulatorUrl).toBeUndefined();
    await page.goto(new URL('/plain.html', stack.baseUrl).href);
    await expect(page.getByText('Upstream: Tencent Cloud FaceID (ap-singapore)')).toBeVisible();
  } finally {
    expect(await stack.stop()).toBe(0);
  }
});

test('only one of the two credential variables stops npm start, naming the missing one', async () => {
  const { code, output } = await runStartScript(
    stackEnv({ PORT: '0', TENCENTCLOUD_SECRET_ID: 'AKIDEXAMPLEe2eNotARealKey000000000000' }),
  );
  expect(code).toBe(1);
  expect(output).toContain('TENCENTCLOUD_SECRET_KEY is not set');
});

test('a bad proxy setting stops npm start with a message naming the variable', async () => {
  const { code, output } = await runStartScript(stackEnv({ PORT: '0', SIMULATOR_PORT: '0', FACEID_REGION: 'mars' }));
  expect(code).toBe(1);
  expect(output).toContain('npm start: FACEID_REGION must be one of');
});

test('a bad FACEID_WEBHOOK_SECRET stops npm start with a message naming it, never echoing it', async () => {
  const { code, output } = await runStartScript(
    stackEnv({ PORT: '0', SIMULATOR_PORT: '0', FACEID_WEBHOOK_SECRET: 'whsec_tooShortToBeASecret' }),
  );
  expect(code).toBe(1);
  expect(output).toContain('npm start: FACEID_WEBHOOK_SECRET');
  expect(output).not.toContain('tooShortToBeASecret');
});
