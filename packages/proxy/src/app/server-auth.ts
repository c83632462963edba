/**
 * Authentication of server-to-server calls: `Authorization: Bearer <apiKey>` compared in constant time
 * (`hono/utils/buffer` hashes both sides first); the engine falls back to the integrator's `authorize(c)` hook.
 */
import type { Context } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { ResolvedProxyOptions } from './options.js';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** Whether server-to-server routes are turned on at all (an API key or an `authorize` hook). */
export function serverRoutesEnabled(options: ResolvedProxyOptions): boolean {
  return options.apiKey !== undefined || options.authorize !== undefined;
}

/** The request carries an `Authorization` header (a caller who means to be a server). */
export function hasBearer(c: Context): boolean {
  return c.req.header('authorization') !== undefined;
}

/** True when the request carries the configured API key. Reads headers only. */
export async function apiKeyMatches(c: Context, options: ResolvedProxyOptions): Promise<boolean> {
  const presented = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  return options.apiKey !== undefined && presented !== undefined && (await timingSafeEqual(presented, options.apiKey));
}
