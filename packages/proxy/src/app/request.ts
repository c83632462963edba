/**
 * Reading a request body, only for a matched route and only up to its limit, cheapest checks first: media
 * type (415), size (413: a declared Content-Length over the limit reads nothing; a stream is cut at the limit),
 * JSON syntax and the route's strict schema (400 `invalid_request`).
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { ProxyError } from './errors.js';

const decoder = new TextDecoder();
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;
/** Only names like ours are quoted back in messages. */
const QUOTABLE_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/**
 * The body's bytes when the server adapter already read them (`c.env.incoming.rawBody`, the convention of
 * `@hono/node-server` that `serveFaceIdProxy` follows for bodies within the matched route's limit).
 */
function preReadBody(c: Context): Uint8Array | undefined {
  const raw = (c.env as { incoming?: { rawBody?: unknown } } | undefined)?.incoming?.rawBody;
  return raw instanceof Uint8Array ? raw : undefined;
}

function tooLarge(maxBytes: number): never {
  throw new ProxyError('payload_too_large', `The body must be at most ${maxBytes} bytes`);
}

/** At most `maxBytes` of the body as text; stops reading (and cancels the stream) beyond it. */
async function cappedText(c: Context, maxBytes: number): Promise<string> {
  const pre = preReadBody(c);
  if (pre !== undefined) return pre.length > maxBytes ? tooLarge(maxBytes) : decoder.decode(pre);
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > maxBytes) tooLarge(maxBytes);
  const stream = c.req.raw.body;
  if (stream === null) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.length) - chunk.length);
  return decoder.decode(bytes);
}

/** Checks media type and size, parses and validates the JSON body. @throws ProxyError 415, 413 or 400. */
export async function readJsonBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<v.InferOutput<S>> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ProxyError('unsupported_media_type', 'The body must be application/json');
  }
  const text = await cappedText(c, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProxyError('invalid_request', 'The body is not valid JSON');
  }
  return parseOrRefuse(schema, json, 'field');
}

/**
 * `value` checked against `schema`, or 400 `invalid_request` naming the first field at fault (never its value).
 * @param noun what the keys are called in the message: `field` (a body), `query parameter`.
 * @throws ProxyError invalid_request.
 */
export function parseOrRefuse<S extends v.GenericSchema>(schema: S, value: unknown, noun: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const key = v.getDotPath(issue);
  const name = key !== null && QUOTABLE_KEY.test(key) ? ` "${key}"` : '';
  const unknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  const message = unknownKey
    ? `Unknown ${noun}${name}`
    : key === null
      ? 'The body must be a JSON object'
      : `Invalid ${noun}${name}`;
  throw new ProxyError('invalid_request', message);
}
