// `npm run build -w @faceid-verify/proxy`, after `tsc -b` emitted dist/: bundles the `faceid-proxy` CLI and its
// dependencies into one ESM file, dist/faceid-proxy.js, which bin/faceid-proxy.js loads. Resolving and compiling
// the ~300 module files behind dist/node/cli.js is most of its start-up (measured on a 2-core machine: spawn →
// first proxied response 430 ms unbundled, 220 ms bundled). dist/node/cli.js stays the unbundled, tested entry.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const outfile = fileURLToPath(new URL('../dist/faceid-proxy.js', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('../src/node/cli.ts', import.meta.url))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // undici is CommonJS and requires Node's built-ins: an ESM bundle needs a real `require` for that.
  banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log('dist/faceid-proxy.js: the faceid-proxy CLI, bundled');
