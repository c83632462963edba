// Express 5: the proxy under /faceid, after your own body parser (it reads the parsed body).
import express from 'express';
import { createNodeHandler, proxyOptionsFromEnv } from '@faceid-verify/proxy/node';

const app = express();
app.use(express.json());
app.use('/faceid', createNodeHandler(proxyOptionsFromEnv(process.env)));
// … your routes …
const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
