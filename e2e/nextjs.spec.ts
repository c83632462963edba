// The Next.js app-router example (examples/nextjs) as its users run it: `next build`, then `next start` with the
// proxy in a Route Handler under /faceid, against the simulator CLI. Five round trips through the hosted page;
// the page's onResult handler (FaceIdVerify) counts what it was handed: 5 of 5, one per return.
import { expect, test } from '@playwright/test';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { cleanEnv, run, spawnUntil, type Child } from './processes.js';

const EXAMPLE = fileURLToPath(new URL('../examples/nextjs/', import.meta.url));
const SIMULATOR = fileURLToPath(new URL('../packages/simulator/bin/faceid-simulator.js', import.meta.url));
const NEXT = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));
const RETURNS = 5;
const nextEnv = (extra: Record<string, string> = {}) => cleanEnv({ NEXT_TELEMETRY_DISABLED: '1', ...extra });

test.describe.configure({ mode: 'serial', timeout: 60_000 });

let simulator: Child;
let app: Child;
let baseUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const built = await run(process.execPath, [NEXT, 'build'], { cwd: EXAMPLE, env: nextEnv() });
  expect(built.code, built.output).toBe(0);
  simulator = await spawnUntil(process.execPath, [SIMULATOR, '--port', '0'], /listening on (http:\S+)/, {
    env: cleanEnv(),
  });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}/`;
  const env = nextEnv({ FACEID_ENDPOINT: simulator.ready, FACEID_REDIRECT_URLS: baseUrl });
  app = await spawnUntil(process.execPath, [NEXT, 'start', '-H', '127.0.0.1', '-p', String(port)], /(Ready)/, {
    cwd: EXAMPLE,
    env,
  });
});

test.afterAll(async () => {
  await app?.stop();
  await simulator?.stop();
});

test(`${RETURNS} returns from the hosted page deliver ${RETURNS} results to the page's handler`, async ({ page }) => {
  test.setTimeout(120_000);
  for (let round = 1; round <= RETURNS; round++) {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Verify identity' }).click();
    await page.getByRole('button', { name: 'Pass' }).click();
    await expect(page.getByRole('heading', { name: 'Identity verified' })).toBeVisible();
    await expect(page.getByText(`Results delivered: ${round}`)).toBeVisible();
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  }
  // Settled: nothing more arrives.
  await page.reload();
  await expect(page.getByText(`Results delivered: ${RETURNS}`)).toBeVisible();
});

test('the proxy in the Route Handler keeps its rules: a foreign origin is refused', async () => {
  const response = await fetch(new URL('faceid/web/sessions', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: JSON.stringify({ redirectUrl: baseUrl }),
  });
  expect(response.status).toBe(403);
  expect(await (await fetch(new URL('faceid/health', baseUrl))).json()).toMatchObject({ upstream: 'simulator' });
});
