// `npm run build -w @faceid-verify/element`, after `tsc -b` emitted dist/: minifies the Lit templates of dist/*.js
// (what consumers bundle), adds the standalone ESM bundle (element + Lit, for a plain <script type="module">, with
// its lazy chunks in dist/chunks/) and custom-elements.json generated from the class docblock.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleElement, minifyTemplates } from './bundle.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = new URL('../dist/', import.meta.url);

await mkdir(distDir, { recursive: true });
for (const name of await readdir(distDir, { recursive: true })) {
  if (!name.endsWith('.js') || name.includes('.test.') || name.startsWith('chunks')) continue;
  const path = new URL(name, distDir);
  const source = await readFile(path, 'utf8');
  const minified = minifyTemplates(name, source);
  if (minified !== source) await writeFile(path, minified);
}
await rm(new URL('chunks/', distDir), { recursive: true, force: true });
await mkdir(new URL('chunks/', distDir), { recursive: true });
for (const [name, bytes] of Object.entries(await bundleElement())) {
  await writeFile(new URL(name, distDir), bytes);
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
const manifestPath = new URL('../custom-elements.json', import.meta.url);
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
for (const module of manifest.modules) {
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
