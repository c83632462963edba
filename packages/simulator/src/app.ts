/**
 * `createSimulator(options)`: a Hono app that answers like `faceid.intl.tencentcloudapi.com` and
 * `faceid.tencentcloudapi.com` (`POST /`), serves the hosted page (`/verify`), sample media (`/media/*`)
 * and, with `testControls`, `/__simulator/*`. Web APIs only: it also runs inside a browser.
 */
import { Hono } from 'hono';
import { apiBodyLimit, createApiHandler } from './api.js';
import { createControlRoutes } from './controls.js';
import { createMediaRoutes } from './media-routes.js';
import { createPageRoutes } from './page.js';
import { createState } from './state.js';
import type { SimulatorOptions } from './types.js';

/**
 * @example
 * const app = createSimulator({ publicUrl: 'http://127.0.0.1:8788', testControls: true });
 * const res = await app.request('/verify?token=…');
 * @throws {TypeError} for a bad `publicUrl` or empty credentials; {RangeError} for a non-positive limit or lifetime.
 */
export function createSimulator(options: SimulatorOptions): Hono {
  const state = createState(options);
  const app = new Hono();
  app.post('/', apiBodyLimit, createApiHandler(state));
  app.route('/', createPageRoutes(state));
  app.route('/', createMediaRoutes());
  if (state.testControls) app.route('/__simulator', createControlRoutes(state));
  return app;
}
