/**
 * Authentication of the server-to-server routes: `Authorization: Bearer <apiKey>` compared in constant time
 * (`hono/utils/buffer` hashes both sides first), or the integrator's `authorize(c)` hook.
 */
import type { Context } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { ResolvedProxyOptions } from './options.js';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** Whether server-to-server routes are turned on at all (an API key or an `authorize` hook). */
export function serverRoutesEnabled(options: ResolvedProxyOptions): boolean {
  return options.apiKey !== undefined || options.authorize !== undefined;
}

/** True when the caller is an authorised server; a Response when the `authorize` hook refuses with one. */
export async function authorizeServer(c: Context, options: ResolvedProxyOptions): Promise<boolean | Response> {
  const presented = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (options.apiKey !== undefined && presented !== undefined && (await timingSafeEqual(presented, options.apiKey))) {
    return true;
  }
  if (options.authorize === undefined) return false;
  return (await options.authorize(c)) ?? false;
}
