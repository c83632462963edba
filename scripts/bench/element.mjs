// The <faceid-verify> bundle size, min+gzip, measured as a consumer's bundler would see the published package:
// esbuild --minify --splitting of dist/define.js (what `import '@faceid-verify/element/define.js'` loads; build it
// first: `npm run build`), with Lit left as an import (consumerBundle in packages/element/scripts/bundle.mjs, which
// packages/element/src/size.test.ts holds to the budget). Reports the base element (the entry chunk a page always
// loads), the handoff chunk (the QR encoder and the handoff view, loaded only in handoff mode), the tab chunk, each
// lazily loaded language, and the base element with Lit. Budgets (design.md): own ≤ 6 KB (6,144 B), with Lit
// ≤ 12 KB. Figures only.
import { gzipSync } from 'node:zlib';
import { consumerBundle, ELEMENT_BUDGET_BYTES } from '../../packages/element/scripts/bundle.mjs';

/** @param {(Uint8Array | undefined)[]} parts */
function sizes(...parts) {
  return parts.reduce(
    (sum, bytes = new Uint8Array()) => ({
      min: sum.min + bytes.byteLength,
      gzip: sum.gzip + gzipSync(bytes, { level: 9 }).byteLength,
    }),
    { min: 0, gzip: 0 },
  );
}

/** @param {string} label @param {{min: number, gzip: number}} size @param {string} [note] */
function print(label, size, note = '') {
  console.log(
    `${label.padEnd(34)} ${String(size.min).padStart(7)} B min  ${String(size.gzip).padStart(6)} B min+gzip  ${note}`,
  );
}

const own = await consumerBundle();
const withLit = await consumerBundle({ external: [] });
const base = sizes(own.define);
const budget = ELEMENT_BUDGET_BYTES.toLocaleString('en');
print(
  'base element (own code, no Lit)',
  base,
  `(${((base.gzip / ELEMENT_BUDGET_BYTES) * 100).toFixed(1)}% of ${budget} B)`,
);
const handoff = sizes(own['handoff-view']);
print('handoff chunk (QR encoder + view)', handoff, '(handoff mode only)');
print('tab chunk (return listener)', sizes(own['tab-return']), '(tab mode only)');
for (const locale of ['zh-cn', 'zh-tw', 'th', 'id'])
  print(`messages chunk ${locale}`, sizes(own[locale]), '(that language only)');
// With Lit, esbuild moves Lit (shared by the entry and the handoff chunk) into a chunk of its own: count both.
const shared = Object.keys(withLit).filter((name) => name.startsWith('chunk'));
const total = sizes(withLit.define, ...shared.map((name) => withLit[name]));
print('base element + Lit', total, `(budget 12,288 B; Lit ${total.gzip - base.gzip} B)`);
print('handoff mode total, with Lit', { min: total.min + handoff.min, gzip: total.gzip + handoff.gzip });
