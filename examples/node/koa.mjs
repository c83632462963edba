// Koa: the proxy under /faceid, after your own body parser (it reads ctx.request.rawBody); Koa passes the full
// URL, so the handler is told its prefix, and hands every other path on to the next middleware.
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { createNodeHandler, proxyOptionsFromEnv } from '@faceid-verify/proxy/node';

const app = new Koa();
app.use(bodyParser());
app.use(createNodeHandler({ ...proxyOptionsFromEnv(process.env), prefix: '/faceid' }));
// … your routes …
const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
