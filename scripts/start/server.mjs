// The demo server's one Hono app: the proxy at /faceid, the backend example at /api/kyc, the built pages at /.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { VISITOR_COOKIE } from './proxy.mjs';

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
        c.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  return app;
}
