// Finds the Chromium that browser tests launch: CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// then Playwright's own download. Shared by vite.config.ts, e2e/playwright.config.ts and scripts/test.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Flags for a root, offline, headless machine: no sandbox, no background calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * @returns {{ executablePath: string | undefined, source: string } | null}
 *   `executablePath` undefined means "Playwright's own browser"; null means no Chromium at all.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
    console.warn(`CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere.`);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: SYSTEM_CHROMIUM };
  try {
    const require = createRequire(import.meta.url);
    /** @type {{ chromium: { executablePath(): string } }} */
    const playwright = require('playwright-core');
    const bundled = playwright.chromium.executablePath();
    if (bundled && existsSync(bundled)) return { executablePath: undefined, source: `Playwright (${bundled})` };
  } catch {
    // playwright-core missing or without a browser registry: no bundled browser.
  }
  return null;
}

/** Launch options for Playwright's chromium.launch(). */
export function chromiumLaunchOptions() {
  const found = findChromium();
  return found?.executablePath
    ? { executablePath: found.executablePath, args: CHROMIUM_ARGS }
    : { args: CHROMIUM_ARGS };
}
