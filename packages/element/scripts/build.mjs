// `npm run build -w @faceid-verify/element`, after `tsc -b` emitted dist/: makes the published typings
// self-contained (below), minifies the Lit templates of dist/*.js (what consumers bundle), adds the standalone ESM
// bundle (element + Lit, for a plain <script type="module">, with its lazy chunks in dist/chunks/) and
// custom-elements.json generated from the class docblock.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElement, minifyTemplates } from './bundle.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(packageDir, 'dist');
const CONTRACT = '@faceid-verify/proxy/contract';

await mkdir(distDir, { recursive: true });

// The element compiles against the proxy's contract module (types only), but its users need not install the
// proxy: ship the contract's declarations (an import-free file) as dist/contract.d.ts and point the imports there.
await copyFile(join(packageDir, '../proxy/dist/contract.d.ts'), join(distDir, 'contract.d.ts'));
for (const entry of await readdir(distDir, { recursive: true })) {
  if (!entry.endsWith('.d.ts') || entry === 'contract.d.ts') continue;
  const file = join(distDir, entry);
  const text = await readFile(file, 'utf8');
  if (!text.includes(CONTRACT)) continue;
  const local = relative(dirname(file), join(distDir, 'contract.js')).replace(/^(?!\.)/, './');
  await writeFile(file, text.replaceAll(`'${CONTRACT}'`, `'${local}'`));
}
console.log('dist/contract.d.ts: the element↔proxy contract, for consumers without the proxy');

for (const name of await readdir(distDir, { recursive: true })) {
  if (!name.endsWith('.js') || name.includes('.test.') || name.startsWith('chunks')) continue;
  const path = join(distDir, name);
  const source = await readFile(path, 'utf8');
  const minified = minifyTemplates(name, source);
  if (minified !== source) await writeFile(path, minified);
}
await rm(join(distDir, 'chunks'), { recursive: true, force: true });
await mkdir(join(distDir, 'chunks'), { recursive: true });
for (const [name, bytes] of Object.entries(await bundleElement())) {
  await writeFile(join(distDir, name), bytes);
  console.log(`dist/${name}: ${bytes.byteLength} bytes`);
}

const cem = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
const args = [cem, 'analyze', '--litelement', '--globs', 'src/faceid-verify.ts', '--outdir', '.', '--quiet'];
const { status } = spawnSync(process.execPath, args, { cwd: packageDir, stdio: 'inherit' });
if (status !== 0) {
  console.error('custom-elements-manifest analyzer failed');
  process.exit(1);
}
// The analyzer also lists the generic `dispatchEvent(new CustomEvent(name, …))` in #emit as an event called
// "name": keep only the documented `faceid-…` events. And `_lang` (static properties) only makes Lit observe the
// native `lang` attribute: list the attribute, not that internal field.
// Module paths point at what the package ships and runs: dist/*.js, not the analysed src/*.ts.
const manifestPath = new URL('../custom-elements.json', import.meta.url);
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
const toDist = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');
for (const module of manifest.modules) {
  module.path = toDist(module.path);
  for (const entry of module.exports ?? []) {
    if (entry.declaration?.module) entry.declaration.module = toDist(entry.declaration.module);
  }
  for (const declaration of module.declarations ?? []) {
    if (declaration.events) declaration.events = declaration.events.filter((e) => e.name.startsWith('faceid-'));
    if (declaration.members) declaration.members = declaration.members.filter((m) => !m.name.startsWith('_'));
    for (const attribute of declaration.attributes ?? []) {
      if (attribute.fieldName?.startsWith('_')) delete attribute.fieldName;
    }
  }
}
await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log('custom-elements.json written');
