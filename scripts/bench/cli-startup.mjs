/* global fetch, performance */
// `faceid-proxy` start-up: spawn → first answer (GET /health) of the CLI as it ships (dist/node/cli.js, resolved
// module by module), side by side with two one-file esbuild bundles made here: dependencies external (our code
// only) and everything in (what the package shipped before, 1.3 MB). Median of RUNS runs each, interleaved.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const RUNS = 9;
const proxy = fileURLToPath(new URL('../../packages/proxy/', import.meta.url));
const env = { ...process.env, PORT: '0', FACEID_REDIRECT_URLS: 'https://app.example.com/kyc/return' };
for (const name of ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY']) delete env[name];

async function bundle(dir, name, external) {
  const outfile = join(proxy, 'dist', `.bench-${name}.mjs`);
  await build({
    entryPoints: [join(proxy, 'dist/node/cli.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: external ? 'external' : undefined,
    banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  void dir;
  return outfile;
}

/** Milliseconds from spawn to the first /health answer. */
function once(entry) {
  const started = performance.now();
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', async (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url || child.answered) return;
      child.answered = true;
      const response = await fetch(`${url}/health`);
      await response.text();
      const elapsed = performance.now() - started;
      child.once('exit', () => resolve(elapsed));
      child.kill('SIGTERM');
    });
    child.once('error', reject);
  });
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = await mkdtemp(join(tmpdir(), 'faceid-cli-bench-'));
const variants = [
  ['unbundled (ships)', join(proxy, 'dist/node/cli.js')],
  ['bundle, deps external', await bundle(dir, 'external', true)],
  ['bundle, everything', await bundle(dir, 'all', false)],
];
const times = variants.map(() => []);
for (let run = 0; run < RUNS; run++) {
  for (const [index, [, entry]] of variants.entries()) times[index].push(await once(entry));
}
const base = median([...times[0]]);
for (const [index, [name, entry]] of variants.entries()) {
  const ms = median([...times[index]]);
  const kb = (await stat(entry)).size / 1024;
  console.log(
    `${name.padEnd(24)} ${ms.toFixed(0).padStart(5)} ms  (${(ms / base).toFixed(2)}× unbundled, entry ${kb.toFixed(0)} KB)`,
  );
}
for (const [, entry] of variants.slice(1)) await rm(entry);
await rm(dir, { recursive: true, force: true });
