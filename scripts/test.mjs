// `npm test`: Chromium and PostgreSQL checks, typecheck + build (tsc -b, bundles), lint, Vitest (node + browser projects), Playwright e2e.
// Each step is printed; the first failing step stops the run with its exit code.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensurePostgres } from './ensure-postgres.mjs';

/** @type {[name: string, command: string, args: string[]][]} */
const STEPS = [
  ['typecheck + build', 'npm', ['run', 'build']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit + browser tests', 'npx', ['vitest', 'run']],
  ['e2e', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts']],
];

const found = ensureChromium();
ensurePostgres();
const env = { ...process.env };
if (found.executablePath) env.CHROMIUM_PATH = found.executablePath;

for (const [name, command, args] of STEPS) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  console.log(
    `=== ${name}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) process.exit(status ?? 1);
}
