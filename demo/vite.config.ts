// Builds the demo's four pages into demo/dist. `npm start` runs this build, then serves dist next to the proxy.
// In-repo packages resolve to their TypeScript source (the `source` export condition), so the demo always
// shows the element as it is in the tree, with no stale package build in between.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The pages, by file name; each one is also a RedirectURL the proxy accepts (see scripts/start/). */
export const DEMO_PAGES = ['index.html', 'plain.html', 'react.html', 'vue.html'] as const;

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    // Vue's full build: the Vue page compiles its template string at run time (no .vue files, so `tsc` checks it).
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: {
      input: Object.fromEntries(DEMO_PAGES.map((page) => [page.replace('.html', ''), `${root}${page}`])),
    },
  },
});
