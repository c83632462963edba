/**
 * Reading a request body, cheapest checks first: media type (415), size (413, `hono/body-limit`), JSON
 * syntax and the route's strict schema (400 `invalid_request`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { ProxyError } from './errors.js';

const decoder = new TextDecoder();
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;
/** Only names like ours are quoted back in messages. */
const QUOTABLE_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/**
 * The body's bytes when the server adapter already read them (`c.env.incoming.rawBody`, the convention of
 * `@hono/node-server` that `serveFaceIdProxy` follows); undefined on runtimes that hand over a streaming Request.
 */
function preReadBody(c: Context): Uint8Array | undefined {
  const raw = (c.env as { incoming?: { rawBody?: unknown } } | undefined)?.incoming?.rawBody;
  return raw instanceof Uint8Array ? raw : undefined;
}

/** 415 unless the body is declared `application/json`; 413 beyond `maxBytes`. */
export function jsonBodyGuards(maxBytes: number): MiddlewareHandler[] {
  const mediaType: MiddlewareHandler = async (c, next) => {
    if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new ProxyError('unsupported_media_type', 'The body must be application/json');
    }
    await next();
  };
  const tooLarge = () => {
    throw new ProxyError('payload_too_large', `The body must be at most ${maxBytes} bytes`);
  };
  const streamingLimit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  const size: MiddlewareHandler = async (c, next) => {
    const bytes = preReadBody(c);
    if (bytes === undefined) return streamingLimit(c, next);
    if (bytes.length > maxBytes) tooLarge();
    await next();
  };
  return [mediaType, size];
}

/** Parses and validates the JSON body. @throws ProxyError 400 `invalid_request`. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const bytes = preReadBody(c);
  let json: unknown;
  try {
    json = JSON.parse(bytes === undefined ? await c.req.text() : decoder.decode(bytes));
  } catch {
    throw new ProxyError('invalid_request', 'The body is not valid JSON');
  }
  const parsed = v.safeParse(schema, json);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const key = v.getDotPath(issue);
  const name = key !== null && QUOTABLE_KEY.test(key) ? ` "${key}"` : '';
  const unknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  const message = unknownKey
    ? `Unknown field${name}`
    : key === null
      ? 'The body must be a JSON object'
      : `Invalid field${name}`;
  throw new ProxyError('invalid_request', message);
}
