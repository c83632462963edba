import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
function minifyCss(css) {
  return css.replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/: /g, ':').replace(/@media \(/g, '@media(').replace(/;}/g, '}').replace(/='([\w-]+)'\]/g, '=$1]').replace(/([\s:(,])0\./g, '$1.').trim();
}
const plugin = { name: 'm', setup(b) {
  b.onLoad({ filter: /\.styles\.ts$/ }, async ({ path }) => ({ contents: (await readFile(path, 'utf8')).replace(/css`([^`]*)`/g, (_, c) => `css\`${minifyCss(c)}\``), loader: 'ts' }));
  b.onLoad({ filter: /src[\\/][\w-]+\.ts$/ }, async ({ path }) => ({ contents: (await readFile(path, 'utf8')).replace(/>\s*\n\s*(?=\$\{|<)/g, '>').replace(/\n\s+/g, (m, o, str) => m), loader: 'ts' }));
}};
const r = await build({ entryPoints: ['packages/element/src/define.ts'], bundle: true, splitting: true, outdir: '/tmp/sz', format: 'esm', minify: true, conditions: ['source'], external: ['lit','lit/*','lit-html','lit-html/*','lit-element','lit-element/*','@lit/reactive-element','@lit/reactive-element/*'], write: true, legalComments: 'none', charset: 'utf8', plugins: process.argv[2] ? [plugin] : [] });
for (const f of r.outputFiles ?? []) console.log(f.path, f.contents.byteLength, gzipSync(f.contents,{level:9}).byteLength);
import { readdirSync } from 'node:fs';
for (const f of readdirSync('/tmp/sz')) { const b = await readFile('/tmp/sz/'+f); console.log(f, b.length, gzipSync(b,{level:9}).length); }
