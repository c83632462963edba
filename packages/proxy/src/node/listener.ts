/**
 * The Node HTTP request listener of the proxy: `@hono/node-server`'s, with a body that is read lazily and cheaply.
 * Nothing is read before routing: the app's route reads the body (`c.req.text()` / `arrayBuffer()` / `json()`)
 * only after its origin, rate-limit and size checks, so an unknown route or a refused call reads nothing.
 * When the route does read, the chunks are collected straight from the socket: going through the Web
 * `Request` body (`Readable.toWeb` + web streams) costs ~0.4 ms of CPU per request on Node 20, most of the proxy's
 * budget; this costs a few µs. A chunked body (no Content-Length) keeps the streaming path, where hono's
 * `bodyLimit` counts the bytes; a declared one is bounded by the route's check of Content-Length, and by
 * `maxBytes` here in any case (beyond it the request is answered 413 by the route's guard, never buffered).
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';

type Fetch = Parameters<typeof getRequestListener>[0];

/** Thrown (as the read's rejection) when a declared body exceeds `maxBytes`. */
export class BodyTooLargeError extends RangeError {
  override name = 'BodyTooLargeError';
}

/** Collects `incoming`'s body, at most `maxBytes`; rejects on a client abort or a larger body. */
function collect(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Keep nothing more; the server drains (or closes) the rest once the 413 is sent.
      incoming.off('data', onData);
      chunks.length = 0;
      reject(new BodyTooLargeError(`The body is over ${maxBytes} bytes`));
    };
    incoming.on('data', onData);
    incoming.once('error', reject);
    incoming.once('aborted', () => reject(new Error('The client aborted the request')));
    incoming.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
  });
}

/** Gives the lightweight Request of `@hono/node-server` body readers that skip web streams. */
function readLazily(request: Request, incoming: IncomingMessage, maxBytes: number): void {
  const declared = incoming.headers['content-length'];
  if (declared === undefined || incoming.headers['transfer-encoding'] !== undefined) return;
  let bytes: Promise<Buffer> | undefined;
  const read = () => (bytes ??= collect(incoming, maxBytes));
  let stream: ReadableStream<Uint8Array> | null | undefined;
  Object.defineProperties(request, {
    // A stream that reads nothing until pulled (highWaterMark 0): hono's bodyLimit only tests that it exists,
    // then compares Content-Length with the route's limit.
    body: {
      get: () =>
        (stream ??=
          declared === '0'
            ? null
            : new ReadableStream<Uint8Array>(
                {
                  async pull(controller) {
                    controller.enqueue(new Uint8Array(await read()));
                    controller.close();
                  },
                },
                { highWaterMark: 0 },
              )),
    },
    text: { value: async () => (await read()).toString('utf8') },
    json: { value: async () => JSON.parse((await read()).toString('utf8')) as unknown },
    arrayBuffer: {
      value: async () => {
        const buffer = await read();
        return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
      },
    },
  });
}

/**
 * The request listener for `node:http`'s `createServer`.
 * @param maxBytes the largest body any route accepts, bytes (a belt: each route's own limit is checked first).
 */
export function lazyBodyListener(fetch: Fetch, maxBytes: number) {
  return getRequestListener((request, env) => {
    // createServer from node:http: always an IncomingMessage (HTTP/2 is not served).
    readLazily(request, env.incoming as IncomingMessage, maxBytes);
    return fetch(request, env);
  });
}
