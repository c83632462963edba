// Builds the demo pages with Vite (demo/vite.config.ts) into a fresh temporary folder, once per start: a
// production build serves the same files to every browser, works under a CSP and takes about a second with
// Rolldown. A folder per process means two stacks (say `npm start` and the e2e suite) never serve each
// other's half-written files.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const CONFIG_FILE = fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url));

/**
 * @returns {Promise<{ distDir: string, elementPages: string[], ms: number, remove(): Promise<void> }>}
 *   `elementPages` are the built pages that embed the element (every page but index.html), as paths like
 *   `/plain.html`: the RedirectURLs. `remove()` deletes the folder.
 */
export async function buildDemo() {
  const started = performance.now();
  const distDir = mkdtempSync(join(tmpdir(), 'faceid-verify-demo-'));
  const remove = async () => rmSync(distDir, { recursive: true, force: true });
  try {
    await build({ configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  } catch (error) {
    await remove();
    throw error;
  }
  const elementPages = readdirSync(distDir)
    .filter((name) => name.endsWith('.html') && name !== 'index.html')
    .sort()
    .map((name) => `/${name}`);
  return { distDir, elementPages, ms: Math.round(performance.now() - started), remove };
}
