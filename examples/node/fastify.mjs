// Fastify: the proxy under /faceid; Fastify passes the full URL, so the handler is told its prefix.
import Fastify from 'fastify';
import { createNodeHandler, proxyOptionsFromEnv } from '@faceid-verify/proxy/node';

const app = Fastify();
app.all('/faceid/*', createNodeHandler({ ...proxyOptionsFromEnv(process.env), prefix: '/faceid' }));
// … your routes …
const url = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`listening on ${url}`);
