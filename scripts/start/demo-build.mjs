// Builds the demo pages with Vite (demo/vite.config.ts) into demo/dist, once per start: a production build
// serves the same files to every browser, works under a CSP and takes about a second with Rolldown.
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/**
 * @returns {Promise<{ distDir: string, elementPages: string[], ms: number }>} `elementPages` are the built
 *   pages that embed the element (every page but index.html), as paths like `/plain.html`: the RedirectURLs.
 */
export async function buildDemo() {
  const started = performance.now();
  await build({ configFile: `${DEMO_DIR}vite.config.ts`, logLevel: 'warn' });
  const distDir = `${DEMO_DIR}dist`;
  const elementPages = readdirSync(distDir)
    .filter((name) => name.endsWith('.html') && name !== 'index.html')
    .sort()
    .map((name) => `/${name}`);
  return { distDir, elementPages, ms: Math.round(performance.now() - started) };
}
