// The packages installed from their tarballs in a fresh project outside the workspace (e2e/tarballs.ts): both
// CLIs, the handler on Node, a strict React 19 typecheck, and the element bundle verifying in a page (Chromium)
// against the installed CLIs. Every path the tarballs point at must be in them.
import { expect, test } from '@playwright/test';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { cleanEnv, run, spawnUntil, type Child } from './processes.js';
import { installFromTarballs, PACKAGES } from './tarballs.js';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

let project: string;
let simulator: Child;
let page: { server: Server; url: string };
let proxy: Child;
const bin = (name: string) => join(project, 'node_modules', '.bin', name);

/** The page: the element's bundle (and the lazy chunks it imports) and one <faceid-verify>, under a strict CSP. */
async function servePage(proxyUrl: () => string): Promise<{ server: Server; url: string }> {
  const dist = join(project, 'node_modules/@faceid-verify/element/dist');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page').pathname;
    if (/^\/(chunks\/)?[\w.-]+\.js$/.test(path)) {
      void readFile(join(dist, path)).then(
        (script) => response.writeHead(200, { 'content-type': 'text/javascript' }).end(script),
        () => response.writeHead(404).end(),
      );
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html',
      'content-security-policy': `default-src 'self'; connect-src ${proxyUrl()}`,
    });
    response.end(`<!doctype html><title>Tarball page</title><script type="module" src="/faceid-verify.bundle.js"></script>
      <faceid-verify proxy="${proxyUrl()}"></faceid-verify>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Every string value (not key) under `value`: the paths an exports map, `bin` or `types` points at. */
function pathValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap(pathValues) : [];
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  project = await installFromTarballs();
  simulator = await spawnUntil(bin('faceid-simulator'), ['--port', '0'], /listening on (http:\S+)/, {
    cwd: project,
    env: cleanEnv(),
  });
  let proxyUrl = '';
  page = await servePage(() => proxyUrl);
  const env = cleanEnv({ PORT: '0', FACEID_ENDPOINT: simulator.ready, FACEID_REDIRECT_URLS: page.url });
  proxy = await spawnUntil(bin('faceid-proxy'), [], /listening on (http:\S+)/, { cwd: project, env });
  proxyUrl = proxy.ready;
});

test.afterAll(async () => {
  await proxy?.stop();
  await simulator?.stop();
  await new Promise((resolve) => page?.server.close(resolve));
  if (project) await rm(dirname(project), { recursive: true, force: true });
});

test('the tarballs ship every path their package.json points at', async () => {
  const { code, output } = await run(
    process.execPath,
    ['--input-type=module', '-e', `for (const name of ${JSON.stringify(PACKAGES)}) await import(name);`],
    { cwd: project, env: cleanEnv() },
  );
  expect(output).toBe('');
  expect(code).toBe(0);
  for (const name of PACKAGES) {
    const dir = join(project, 'node_modules', name);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    const targets = pathValues([manifest['exports'], manifest['bin'] ?? {}, manifest['types'] ?? []]);
    for (const target of targets) await expect(readFile(join(dir, target)), target).resolves.toBeTruthy();
    expect(manifest).toMatchObject({
      repository: expect.anything(),
      homepage: expect.any(String),
      bugs: expect.anything(),
    });
  }
  const element = join(project, 'node_modules/@faceid-verify/element');
  const manifest = await readFile(join(element, 'custom-elements.json'), 'utf8');
  for (const [, path] of manifest.matchAll(/"(?:path|module)": "([^"]+)"/g)) {
    expect(path).toMatch(/^dist\//);
    await expect(readFile(join(element, path!))).resolves.toBeTruthy();
  }
  const map = JSON.parse(
    await readFile(join(project, 'node_modules/@faceid-verify/proxy/dist/handler.js.map'), 'utf8'),
  );
  for (const source of map.sources as string[]) {
    await expect(readFile(join(project, 'node_modules/@faceid-verify/proxy/dist', source))).resolves.toBeTruthy();
  }
});

test('both CLIs answer from the installed packages', async () => {
  const health = await fetch(`${proxy.ready}/health`);
  expect(await health.json()).toEqual({ ok: true, upstream: 'simulator', region: 'ap-singapore' });
  expect(simulator.output()).toContain('FaceID simulator listening on');
});

test('the handler runs on Node from the installed package', async () => {
  const env = cleanEnv({ FACEID_ENDPOINT: simulator.ready, FACEID_REDIRECT_URLS: page.url });
  const { code, output } = await run(process.execPath, ['handler.mjs'], { cwd: project, env });
  expect(code, output).toBe(0);
  const answers = output.split('\n').filter((line) => line.startsWith('{"status"'));
  expect(answers.map((line) => (JSON.parse(line) as { status: number }).status)).toEqual([200, 201]);
});

test('a strict React 19 project typechecks against the installed element', async () => {
  test.setTimeout(120_000);
  const { code, output } = await run(bin('tsc'), ['-p', '.'], { cwd: project, env: cleanEnv() });
  expect(output).toBe('');
  expect(code).toBe(0);
});

test('the element bundle verifies in a page against the installed CLIs', async ({ page: browser }) => {
  const cspViolations: string[] = [];
  browser.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await browser.goto(page.url);
  await browser.getByRole('button', { name: 'Verify identity' }).click();
  await browser.getByRole('button', { name: 'Pass' }).click();
  await expect(browser.getByRole('heading', { name: 'Identity verified' })).toBeVisible();
  expect(new URL(browser.url()).searchParams.has('token')).toBe(false);
  expect(cspViolations).toEqual([]);
});
