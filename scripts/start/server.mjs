// The demo server's one Hono app: the proxy at /faceid, the backend example at /api/kyc, the built pages at /.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { VISITOR_COOKIE } from './proxy.mjs';

/**
 * The pages run under a strict Content-Security-Policy, as the element promises to: no inline script, no eval,
 * requests only to this origin. The Vue page alone adds 'unsafe-eval': it compiles its template string at run
 * time (a build-time compiled template, the usual way with .vue files, needs no exception).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
const VUE_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'");

/**
 * @param {object} parts
 * @param {Hono} parts.proxy From createFaceIdProxy.
 * @param {Hono} parts.backend From createKycBackend.
 * @param {string} parts.distDir The built demo pages.
 * @param {ReturnType<import('./test-controls.mjs').createTestControls> | undefined} parts.testControls e2e only.
 * @returns {Hono}
 */
export function createDemoApp({ proxy, backend, distDir, testControls }) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!getCookie(c, VISITOR_COOKIE))
      setCookie(c, VISITOR_COOKIE, randomUUID(), { httpOnly: true, sameSite: 'Lax', path: '/' });
    await next();
  });
  if (testControls) {
    app.route('/__demo', testControls.routes);
    app.use('/faceid/*', testControls.proxyGate);
  }
  app.route('/faceid', proxy);
  app.route('/api/kyc', backend);
  app.use(
    '/*',
    serveStatic({
      root: distDir,
      onFound: (path, c) => {
        const isPage = path.endsWith('.html');
        c.header('Cache-Control', isPage ? 'no-cache' : 'public, max-age=31536000, immutable');
        if (isPage) c.header('Content-Security-Policy', path.endsWith('vue.html') ? VUE_CSP : CSP);
        c.header('X-Content-Type-Options', 'nosniff');
      },
    }),
  );
  return app;
}
