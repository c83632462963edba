// Bundles <faceid-verify> with esbuild: used by the package build (dist/faceid-verify.bundle.js), by
// `npm run bench` (size figures) and by the strict-CSP test (the page's only script).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The registration module: importing it defines <faceid-verify>. */
export const ELEMENT_ENTRY = fileURLToPath(new URL('../src/define.ts', import.meta.url));

/** Lit's packages, for bundling the element's own code alone. */
export const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((name) => [
  name,
  `${name}/*`,
]);

/**
 * esbuild minifies JS, not the text of Lit's templates. In the styles modules, collapse the whitespace of css``
 * templates: safe for our own stylesheets (no strings with spaces that matter, no `a :b` descendant
 * pseudo-selectors). In the element, drop the line breaks Prettier puts between the tags and expressions of html``
 * templates: whitespace-only text nodes that neither the grid host nor the grid status region renders.
 * @type {import('esbuild').Plugin}
 */
const minifyTemplates = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /\.styles\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source.replace(/css`([^`]*)`/g, (_, css) => `css\`${minifyCss(css)}\``);
      return { contents, loader: 'ts' };
    });
    build.onLoad({ filter: /[\\/]faceid-verify\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return { contents: source.replace(/>\s*\n\s*(?=\$\{|<)/g, '>'), loader: 'ts' };
    });
  },
};

/** @param {string} css */
function minifyCss(css) {
  return css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/: /g, ':')
    .replace(/@media \(/g, '@media(')
    .replace(/;}/g, '}')
    .replace(/='([\w-]+)'\]/g, '=$1]') // [state='passed'] → [state=passed]
    .replace(/([\s:(,])0\./g, '$1.') // 0.5rem → .5rem
    .trim();
}

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
    charset: 'utf8',
    plugins: minify ? [minifyTemplates] : [],
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the element bundle');
  return output.contents;
}
