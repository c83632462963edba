// The <faceid-verify> bundle size: min+gzip of the element's own code (Lit left as an import) and of the whole
// bundle with Lit, the way a page would load it. Budgets (design.md): own ≤ 6 KB, total ≤ 12 KB. Figures only.
import { gzipSync } from 'node:zlib';
import { bundleElement, LIT_PACKAGES } from '../../packages/element/scripts/bundle.mjs';

const BUDGET_OWN_KB = 6;
const BUDGET_TOTAL_KB = 12;

/** @param {Uint8Array} bytes */
function sizes(bytes) {
  return { min: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

/** @param {string} label @param {{min: number, gzip: number}} size @param {number} budgetKb */
function print(label, size, budgetKb) {
  const kb = (size.gzip / 1024).toFixed(2);
  console.log(
    `${label.padEnd(28)} ${String(size.min).padStart(7)} B min  ${String(size.gzip).padStart(6)} B min+gzip` +
      `  (${kb} KB of 1024 B; budget ${budgetKb} KB)`,
  );
}

const own = sizes(await bundleElement({ external: LIT_PACKAGES }));
const total = sizes(await bundleElement());
print('element own code (no Lit)', own, BUDGET_OWN_KB);
print('element + Lit', total, BUDGET_TOTAL_KB);
console.log(`Lit's share of the total: ${total.gzip - own.gzip} B min+gzip`);
