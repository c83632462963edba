// Bundles <faceid-verify> with esbuild: used by the package build (dist/faceid-verify.bundle.js), by
// `npm run bench` (size figures) and by the strict-CSP test (the page's only script).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The registration module: importing it defines <faceid-verify>. */
export const ELEMENT_ENTRY = fileURLToPath(new URL('../src/define.ts', import.meta.url));

/** Lit's packages, for bundling the element's own code alone. */
export const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((name) => [
  name,
  `${name}/*`,
]);

/**
 * One minified ESM file of the element, from source (the `source` export condition).
 * @param {{ external?: string[], minify?: boolean }} [options] `external`: packages left as imports.
 * @returns {Promise<Uint8Array>} the bundle's bytes
 */
export async function bundleElement({ external = [], minify = true } = {}) {
  const result = await build({
    entryPoints: [ELEMENT_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify,
    external,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the element bundle');
  return output.contents;
}
