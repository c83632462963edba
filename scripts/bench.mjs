// `npm run bench`: runs every scripts/bench/*.mjs in name order and prints their figures.
// Benchmarks print figures; they never assert. Packages must be built (npm install does it).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./bench/', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.mjs'))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)))
  .sort();

let failed = 0;
for (const name of files) {
  console.log(`\n## ${name.replace(/\.mjs$/, '')}`);
  const { status } = spawnSync(process.execPath, [new URL(name, dir).pathname], { stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
