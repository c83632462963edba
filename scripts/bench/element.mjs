// The <faceid-verify> bundle size, min+gzip, measured as a consumer's bundler would see the published package:
// esbuild --minify --splitting of dist/define.js (what `import '@faceid-verify/element/define.js'` loads; build it
// first: `npm run build`), with Lit left as an import. Reports the base element (the entry chunk a page always
// loads), the handoff chunk (the QR encoder and the handoff view, loaded only in handoff mode), each lazily loaded
// language, and the base element with Lit. Budgets (design.md): own ≤ 6 KB (6,144 B), with Lit ≤ 12 KB. Figures only.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { LIT_PACKAGES } from '../../packages/element/scripts/bundle.mjs';

const DEFINE = fileURLToPath(new URL('../../packages/element/dist/define.js', import.meta.url));

/** @param {string[]} external @returns {Promise<Record<string, Uint8Array>>} */
async function bundle(external) {
  const result = await build({
    entryPoints: { define: DEFINE },
    outdir: '/',
    chunkNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    external,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(1).replace(/\.js$/, ''), file.contents]));
}

/** @param {Uint8Array[]} parts */
function sizes(...parts) {
  return parts.reduce(
    (sum, bytes) => ({ min: sum.min + bytes.byteLength, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).byteLength }),
    { min: 0, gzip: 0 },
  );
}

/** @param {string} label @param {{min: number, gzip: number}} size @param {string} [note] */
function print(label, size, note = '') {
  console.log(
    `${label.padEnd(34)} ${String(size.min).padStart(7)} B min  ${String(size.gzip).padStart(6)} B min+gzip  ${note}`,
  );
}

const own = await bundle(LIT_PACKAGES);
const withLit = await bundle([]);
const base = sizes(own.define ?? new Uint8Array());
print('base element (own code, no Lit)', base, `(${((base.gzip / 6144) * 100).toFixed(1)}% of the 6,144 B budget)`);
print('handoff chunk (QR encoder + view)', sizes(own['handoff-view'] ?? new Uint8Array()), '(handoff mode only)');
for (const locale of ['zh-cn', 'zh-tw', 'th', 'id'])
  print(`messages chunk ${locale}`, sizes(own[locale] ?? new Uint8Array()), '(that language only)');
// With Lit, esbuild moves Lit (shared by the entry and the handoff chunk) into a chunk of its own: count both.
const shared = Object.keys(withLit).filter((name) => name.startsWith('chunk'));
const total = sizes(withLit.define ?? new Uint8Array(), ...shared.map((name) => withLit[name] ?? new Uint8Array()));
print('base element + Lit', total, `(budget 12,288 B; Lit ${total.gzip - base.gzip} B)`);
print('handoff mode total, with Lit', {
  min: total.min + sizes(own['handoff-view'] ?? new Uint8Array()).min,
  gzip: total.gzip + sizes(own['handoff-view'] ?? new Uint8Array()).gzip,
});
