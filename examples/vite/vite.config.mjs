// Vite dev server: /faceid on the page's own origin, forwarded to `faceid-proxy` (PORT 8787) without the prefix.
import { defineConfig } from 'vite';

export default defineConfig({
  server: {
    proxy: {
      '/faceid': {
        target: process.env.FACEID_PROXY_URL ?? 'http://127.0.0.1:8787',
        rewrite: (path) => path.replace(/^\/faceid/, ''),
      },
    },
  },
});
