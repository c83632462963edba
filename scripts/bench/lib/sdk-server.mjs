// What an integrator writes instead of the proxy: a bare node:http server whose POST /web/results reads the
// result with Tencent's official intl SDK (tencentcloud-sdk-nodejs-intl-en, FaceidClient
// GetWebVerificationResultIntl, TC3-HMAC-SHA256) and answers a small JSON verdict. The benchmark's yardstick.
// `node sdk-server.mjs <upstream URL>`: listens on a free 127.0.0.1 port and prints `listening on <url>`.
// Like the proxy's bench configuration it checks nothing but JSON syntax (no origin, binding or rate limit).
import { Buffer } from 'node:buffer';
import http, { createServer } from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const tencentcloud = createRequire(import.meta.url)('tencentcloud-sdk-nodejs-intl-en');
const upstream = new URL(process.argv[2] ?? 'http://127.0.0.1:8788');
// The SDK signs with its real host name and has no agent option: its node-fetch uses http.globalAgent, so a
// keep-alive agent (Node 20's default) that dials the simulator routes it there (as the simulator's SDK tests do).
http.globalAgent = new http.Agent({ keepAlive: true });
http.globalAgent.createConnection = (options, callback) =>
  net.connect(Number(upstream.port), upstream.hostname, callback);
const client = new tencentcloud.faceid.v20180301.Client(
  // The simulator's public demo credentials (invented).
  { secretId: 'AKIDEXAMPLEfaceidSimulatorDemo00000000', secretKey: 'EXAMPLEfaceidSimulatorDemoSecretKey000' },
  'ap-singapore',
  new tencentcloud.common.ClientProfile('TC3-HMAC-SHA256', {
    protocol: 'http://',
    endpoint: 'faceid.intl.tencentcloudapi.com',
    reqMethod: 'POST',
    reqTimeout: 10,
    headers: {},
  }),
);

// This SDK version answers through a callback only.
const readResult = promisify((request, callback) => client.GetWebVerificationResultIntl(request, callback));

function answer(response, status, body) {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

const server = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/web/results') return answer(response, 404, { error: 'not_found' });
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const { bizToken } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const result = await readResult({ BizToken: bizToken });
      const status = result.ErrorCode === 0 ? 'passed' : result.ErrorCode === null ? 'incomplete' : 'failed';
      answer(response, 200, { status, errorCode: result.ErrorCode ?? null, requestId: result.RequestId });
    } catch (error) {
      answer(response, 502, { error: String(error?.code ?? 'upstream_error'), message: String(error?.message) });
    }
  });
});

server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0));
