// Hono on Node: the proxy app mounted under /faceid, with Node's fast paths (node:crypto, undici, peer address).
import { serve } from '@hono/node-server';
import { createFaceIdProxy } from '@faceid-verify/proxy';
import { proxyOptionsFromEnv, withNodeDefaults } from '@faceid-verify/proxy/node';
import { Hono } from 'hono';

const app = new Hono();
app.route('/faceid', createFaceIdProxy(withNodeDefaults(proxyOptionsFromEnv(process.env))));
// … your routes …
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
