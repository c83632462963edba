// Bundles <faceid-verify> with esbuild: used by the package build (dist/faceid-verify.bundle.js), by
// `npm run bench` (size figures) and by the strict-CSP test (the page's only script).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The registration module: importing it defines <faceid-verify>. */
export const ELEMENT_ENTRY = fileURLToPath(new URL('../src/define.ts', import.meta.url));

/** What `import '@faceid-verify/element/define.js'` loads: the package build's output of ELEMENT_ENTRY. */
export const DIST_DEFINE = fileURLToPath(new URL('../dist/define.js', import.meta.url));

/** The base element's budget (design.md): its own code, min+gzip, as consumerBundle() measures it (B). */
export const ELEMENT_BUDGET_BYTES = 6144;

/** The entry's file name among bundleElement()'s files. */
export const ENTRY_FILE = 'faceid-verify.bundle.js';

/** Lit's packages, for bundling the element's own code alone. */
export const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((name) => [
  name,
  `${name}/*`,
]);

/**
 * esbuild minifies JS, not the text of Lit's templates. In the styles modules, collapse the whitespace of css``
 * templates: safe for our own stylesheets (no strings with spaces that matter, no `a :b` descendant
 * pseudo-selectors). In the other modules, drop the line breaks Prettier puts between the tags and expressions of
 * html`` templates: whitespace-only text nodes that neither the grid host nor its grid regions render. The
 * package build applies the same to dist/*.js (scripts/build.mjs), so a consumer's bundler gets these bytes too.
 * @param {string} path a module's path (.ts in src/, .js in dist/)
 * @param {string} source its text
 * @returns {string}
 */
export function minifyTemplates(path, source) {
  if (/\.styles\.[jt]s$/.test(path)) return source.replace(/css\s*`([^`]*)`/g, (_, css) => `css\`${minifyCss(css)}\``);
  return source.replace(/([>}])\s*\n\s*(?=\$\{|<)/g, '$1').replace(/ \/>/g, '/>');
}

/** @type {import('esbuild').Plugin} */
const minifyTemplatesPlugin = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/]element[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      return { contents: minifyTemplates(path, await readFile(path, 'utf8')), loader: 'ts' };
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
 * The element as minified ESM, from source (the `source` export condition): the entry `faceid-verify.bundle.js`
 * and the chunks it imports lazily (`chunks/…`: the handoff view with the QR encoder, the non-English messages),
 * as a consumer's bundler splits them.
 * @param {{ external?: string[], minify?: boolean }} [options] `external`: packages left as imports.
 * @returns {Promise<Record<string, Uint8Array>>} each file's bytes by its path relative to the entry's folder
 */
export async function bundleElement({ external = [], minify = true } = {}) {
  const result = await build({
    entryPoints: { 'faceid-verify.bundle': ELEMENT_ENTRY },
    outdir: '/',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify,
    external,
    legalComments: 'none',
    charset: 'utf8',
    plugins: minify ? [minifyTemplatesPlugin] : [],
    write: false,
    logLevel: 'warning',
  });
  const files = Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(1), file.contents]));
  if (!files[ENTRY_FILE]) throw new Error('esbuild produced no output for the element bundle');
  return files;
}

/**
 * The element as a consumer's bundler sees the published package: esbuild --minify --splitting of the define
 * entry, `external` left as imports (default: Lit, so the figures are the element's own code). By default it
 * bundles dist/define.js (build it first: `npm run build`); `fromSource` builds the same files in memory from
 * src/: TypeScript's emit of each module (as `tsc -b` writes dist/), then minifyTemplates (as scripts/build.mjs
 * does), so a check needs no fresh build. Returns each output's bytes by name: `define` (the base element, what a
 * page always loads), `handoff-view` (QR encoder + handoff view), `tab-return`, the locales (`zh-cn`, `zh-tw`,
 * `th`, `id`) and, when Lit is bundled, the `chunk-…` esbuild shares between them.
 * @param {{ fromSource?: boolean, external?: string[] }} [options]
 * @returns {Promise<Record<string, Uint8Array>>}
 */
export async function consumerBundle({ fromSource = false, external = LIT_PACKAGES } = {}) {
  const result = await build({
    entryPoints: { define: fromSource ? ELEMENT_ENTRY : DIST_DEFINE },
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
    plugins: fromSource ? [await emitLikeTscPlugin()] : [],
    write: false,
    logLevel: 'warning',
  });
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(1).replace(/\.js$/, ''), file.contents]));
}

/** Loads src/*.ts as the package build emits them: TypeScript's per-file emit, then minifyTemplates. */
async function emitLikeTscPlugin() {
  const { default: ts } = await import('typescript');
  /** @type {import('typescript').CompilerOptions} */
  const compilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    useDefineForClassFields: true,
    verbatimModuleSyntax: true,
  };
  /** @type {import('esbuild').Plugin} */
  const plugin = {
    name: 'emit-like-tsc',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]element[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
        const { outputText } = ts.transpileModule(await readFile(path, 'utf8'), { compilerOptions, fileName: path });
        return { contents: minifyTemplates(path, outputText), loader: 'js' };
      });
    },
  };
  return plugin;
}
