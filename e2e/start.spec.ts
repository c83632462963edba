// `npm start` itself: a busy port stops it with a message naming the variable to change.
import { createServer } from 'node:net';
import { expect, test } from './fixtures.js';
import { runStartScript, stackEnv } from './stack.js';

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
