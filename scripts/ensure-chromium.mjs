// Makes sure a Chromium exists before browser tests run, saying what it does:
// found → nothing to do; else `playwright install chromium`; else (root, Debian) `apt-get install chromium`.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

export function ensureChromium() {
  let found = findChromium();
  if (found) {
    console.log(`Chromium: ${found.source}`);
    return found;
  }
  console.log("No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, Playwright). Installing Playwright's Chromium…");
  run('npx', ['playwright', 'install', 'chromium']);
  found = findChromium();
  if (!found && process.getuid?.() === 0 && process.platform === 'linux') {
    console.log(
      "Playwright could not download a browser; installing Debian's chromium with apt-get (running as root)…",
    );
    if (run('apt-get', ['update'])) run('apt-get', ['install', '-y', 'chromium']);
    found = findChromium();
  }
  if (!found) {
    throw new Error(
      'No Chromium available. Install one (`npx playwright install chromium`, or `apt-get install chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  console.log(`Chromium: ${found.source}`);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
