// Your server's webhook endpoint for faceid-proxy (Node, `npm install standardwebhooks`).
// FACEID_WEBHOOK_SECRET is the same whsec_… secret the proxy signs with.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.FACEID_WEBHOOK_SECRET);
const MAX_BODY_BYTES = 64 * 1024;
// Deliveries are at least once: remember what you processed (in your database, keyed by webhook-id).
const processed = new Set();

async function readBody(request) {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_BODY_BYTES) throw new Error('body too large');
  }
  return body;
}

const server = createServer(async (request, response) => {
  let event;
  try {
    // Checks webhook-signature over webhook-id, webhook-timestamp (±5 min) and the exact body.
    event = webhook.verify(await readBody(request), request.headers);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const id = request.headers['webhook-id'];
  if (!processed.has(id)) {
    processed.add(id);
    // event.type: verification.passed | failed | incomplete | expired. event.data.reference is the reference
    // your beforeSession gave (your user id); decide for that user, never for whoever the browser claims to be.
    console.log(JSON.stringify({ id, type: event.type, reference: event.data.reference, status: event.data.status }));
  }
  response.writeHead(204).end();
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
