/**
 * The proxy's public base URL (`https://app.example.com/faceid`, no trailing slash): where a browser or phone
 * reaches this app, the base of the tab and handoff pages it sends as RedirectURL and of the handoff link.
 * The `publicUrl` option when set (needed behind a reverse proxy or framework that strips the mount path);
 * otherwise the request's own URL up to the route's path, which keeps a Hono mount such as
 * `app.route('/faceid', proxy)`, after the mount path the Node handler took off the URL (`MOUNT_PATH`). With `trustProxy` > 0 the trusted proxy's `X-Forwarded-Proto`,
 * `X-Forwarded-Host` and `X-Forwarded-Prefix` replace the scheme, host and mount path it saw.
 */
import type { Context } from 'hono';
import type { ResolvedProxyOptions } from './options.js';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const PREFIX = /^(\/[A-Za-z0-9._~-]+)*$/;

/**
 * Where the Node handler (node/handler.ts) notes, on the IncomingMessage (Hono's `c.env.incoming`), the mount path
 * it or the framework removed from the URL: its `prefix`, or Express's `req.baseUrl`.
 */
export const MOUNT_PATH = Symbol.for('faceid-verify.mountPath');

/** The mount path the Node handler noted for this request, or ''. */
function strippedMount(c: Context): string {
  const env = c.env as { incoming?: Record<symbol, unknown> } | undefined;
  const mount = env?.incoming?.[MOUNT_PATH];
  return typeof mount === 'string' && PREFIX.test(mount) ? mount : '';
}

/** The entry a trusted proxy set: the `hops`-th from the right, or the only one. */
function forwarded(c: Context, name: string, hops: number): string | undefined {
  const chain = (c.req.header(name) ?? '').split(',').map((entry) => entry.trim());
  const value = chain.length >= hops ? chain[chain.length - hops] : chain[0];
  return value === '' ? undefined : value;
}

/**
 * @param routePath the row's own path (`/web/sessions`), which the request's path ends with.
 * @returns the base URL, without a trailing slash.
 */
export function publicBase(
  c: Context,
  options: Pick<ResolvedProxyOptions, 'publicUrl' | 'trustProxy'>,
  routePath: string,
): string {
  if (options.publicUrl !== undefined) return options.publicUrl.replace(/\/+$/, '');
  const url = new URL(c.req.url);
  const path = url.pathname.endsWith(routePath) ? url.pathname.slice(0, -routePath.length) : '';
  let origin = url.origin;
  let prefix = strippedMount(c) + path.replace(/\/+$/, '');
  const hops = options.trustProxy;
  if (hops > 0) {
    const proto = forwarded(c, 'x-forwarded-proto', hops);
    const host = forwarded(c, 'x-forwarded-host', hops);
    const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : url.protocol;
    origin = `${scheme}//${host !== undefined && HOST.test(host) ? host : url.host}`;
    const forwardedPrefix = forwarded(c, 'x-forwarded-prefix', hops)?.replace(/\/+$/, '');
    if (forwardedPrefix !== undefined && PREFIX.test(forwardedPrefix)) prefix = forwardedPrefix + prefix;
  }
  return origin + prefix;
}
