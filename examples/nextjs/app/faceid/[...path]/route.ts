// The signing proxy inside the Next.js app, under /faceid (the element's `proxy`): a Route Handler that hands every
// request to the proxy's Hono app. Configured from the faceid-proxy CLI's variables at the first request (not at
// build time): TENCENTCLOUD_SECRET_ID / _SECRET_KEY, FACEID_REDIRECT_URLS, FACEID_BINDING_SECRET, …
import { createFaceIdProxy } from '@faceid-verify/proxy';
import { proxyOptionsFromEnv, withNodeDefaults } from '@faceid-verify/proxy/node';
import { Hono } from 'hono';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let app: Hono | undefined;

function proxy(): Hono {
  app ??= new Hono().route(
    '/faceid',
    createFaceIdProxy(
      withNodeDefaults({
        ...proxyOptionsFromEnv(process.env),
        // The inbound rate limit per client. Route Handlers see no socket: key by the address your platform's
        // edge puts first in X-Forwarded-For (Vercel, a reverse proxy that overwrites it). Never trust a header
        // a client can set on a directly exposed server.
        clientKey: (c) => c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown',
      }),
    ),
  );
  return app;
}

const handle = (request: Request): Response | Promise<Response> => proxy().fetch(request);
export { handle as GET, handle as HEAD, handle as OPTIONS, handle as POST };
