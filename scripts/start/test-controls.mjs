// The demo server's test controls (FACEID_SIMULATOR_TEST_CONTROLS=1 only), for the e2e suite:
//   POST /__demo/proxy {"running": boolean}  stops or restarts the proxy at /faceid;
//   POST /__demo/clock {"advanceMs": number} moves the proxy's clock, alongside POST /__simulator/clock,
//                                            so that time passes for the whole server side (signatures stay fresh).
import { Hono } from 'hono';

/**
 * @returns {{ now: () => number, routes: Hono, proxyGate: import('hono').MiddlewareHandler }}
 *   `now` (ms) is the proxy's clock; `routes` mounts at /__demo; `proxyGate` goes in front of /faceid.
 */
export function createTestControls() {
  let running = true;
  let offsetMs = 0;
  const routes = new Hono();
  routes.post('/proxy', async (c) => {
    const body = await c.req.json().catch(() => ({}));
    running = body?.running !== false;
    return c.json({ running });
  });
  routes.post('/clock', async (c) => {
    const body = await c.req.json().catch(() => ({}));
    if (typeof body?.advanceMs !== 'number' || !Number.isFinite(body.advanceMs)) {
      return c.json({ error: { code: 'invalid_request', message: 'Send {"advanceMs": number}.' } }, 400);
    }
    offsetMs += body.advanceMs;
    return c.json({ now: Date.now() + offsetMs });
  });
  /** @type {import('hono').MiddlewareHandler} */
  const proxyGate = async (c, next) => {
    if (running) return next();
    // A stopped proxy: the connection drops, as when the process behind this path is down.
    /** @type {{ incoming?: import('node:http').IncomingMessage }} */ (c.env).incoming?.socket.destroy();
    return c.body(null, 503);
  };
  return { now: () => Date.now() + offsetMs, routes, proxyGate };
}
