// The README's deploy recipes are files under examples/ that tests run: here Express, Fastify, Hono and Koa on Node, each
// a real process against the simulator CLI, and the Vite dev server's rewrite in front of the faceid-proxy CLI
// (Workers, Deno and Bun: handler.runtimes.test.ts; Next.js: e2e/nextjs.spec.ts; the CLI: e2e/tarballs.spec.ts).
// The README quotes each file verbatim, checked first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runtimeEnv, spawnUntil, startSimulator, type Running } from '../test/runtimes.js';

const ROOT = join(import.meta.dirname, '../../..');
const RECIPES = [
  'examples/edge/entry.mjs',
  'examples/edge/wrangler.toml',
  'examples/node/express.mjs',
  'examples/node/fastify.mjs',
  'examples/node/hono.mjs',
  'examples/node/koa.mjs',
  'examples/vite/vite.config.mjs',
  'examples/nextjs/app/faceid/[...path]/route.ts',
  'examples/nextjs/app/verify.tsx',
];

let simulator: Running;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator?.stop());

/** Health, a session from `origin`, Pass through the simulator's test controls, a passed result read. */
async function flow(base: string, origin: string): Promise<void> {
  const post = async (url: string, body: unknown) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, string> };
  };
  expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ ok: true, upstream: 'simulator' });
  const session = await post(`${base}/web/sessions`, { redirectUrl: `${origin}/` });
  expect(session.status).toBe(201);
  const { bizToken, binding } = session.json;
  expect((await post(`${simulator.url}/__simulator/outcomes`, { token: bizToken, outcome: 'pass' })).status).toBe(200);
  const result = await post(`${base}/web/results`, { bizToken, binding });
  expect([result.status, result.json['status']]).toEqual([200, 'passed']);
}

/** A stop that takes longer fails the test (faceid-proxy's close grace is 5 s). */
const STOP_MS = 8_000;

/** `promise`, or a rejection naming `what` after `ms`: a stop that hangs fails the test instead of the run. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the README', () => {
  it.each(RECIPES)('quotes %s verbatim', async (path) => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain((await readFile(join(ROOT, path), 'utf8')).trim());
  });
});

describe.each(['express', 'fastify', 'hono', 'koa'])('examples/node/%s.mjs', (name) => {
  const origin = 'https://app.example.com';
  let app: Running | undefined;
  beforeAll(async () => {
    app = await spawnUntil(process.execPath, [join(ROOT, `examples/node/${name}.mjs`)], {
      env: runtimeEnv({ PORT: '0', FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: `${origin}/` }),
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    });
  });
  afterAll(() => app && within(app.stop(), STOP_MS, `${name} stop`));
  const at = (path: string) => `${app?.url}${path}`;

  it('serves the proxy under /faceid: a whole flow', () => flow(at('/faceid'), origin));

  it('reads the body the app already parsed (Express, Koa) with the strict schema: an unknown field is 400', async () => {
    const response = await fetch(at('/faceid/web/sessions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ redirectUrl: `${origin}/`, Extra: 'from the page' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it("leaves paths outside /faceid to the app's own routes (its 404 here)", async () => {
    const response = await fetch(at('/elsewhere'), { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(404);
  });
});

describe('examples/vite/vite.config.mjs', () => {
  // Both are stopped after the test whatever happened in it.
  let proxy: Running | undefined;
  let vite: ViteDevServer | undefined;
  afterAll(async () => {
    const stops = [
      proxy && within(proxy.stop(), STOP_MS, 'faceid-proxy stop'),
      vite && within(vite.close(), STOP_MS, 'vite close'),
    ];
    await Promise.all(stops);
  });

  it("forwards the page origin's /faceid to the faceid-proxy CLI without the prefix", { timeout: 40_000 }, async () => {
    // Vite's origin is the page's, so the proxy must allow it before Vite starts: pin Vite's port.
    const vitePort = await freePort();
    const origin = `http://127.0.0.1:${vitePort}`;
    proxy = await spawnUntil(process.execPath, [join(ROOT, 'packages/proxy/bin/faceid-proxy.js')], {
      env: runtimeEnv({ PORT: '0', FACEID_ENDPOINT: simulator.url, FACEID_REDIRECT_URLS: `${origin}/` }),
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    });
    // The recipe reads its target when Vite loads the config, inside createServer.
    process.env['FACEID_PROXY_URL'] = proxy.url;
    try {
      vite = await createViteServer({
        configFile: join(ROOT, 'examples/vite/vite.config.mjs'),
        root: join(ROOT, 'examples/vite'),
        server: { host: '127.0.0.1', port: vitePort, strictPort: true, ws: false, watch: null },
        optimizeDeps: { noDiscovery: true },
        logLevel: 'silent',
      });
    } finally {
      delete process.env['FACEID_PROXY_URL'];
    }
    await vite.listen();
    expect(vite.resolvedUrls?.local[0]).toBe(`${origin}/`);
    await flow(`${origin}/faceid`, origin);
  });
});
