/**
 * The route table: every route of the proxy, one row each (route.ts has the row's shape). Handlers, 405s, CORS,
 * log names, body limits and the intl/legacy choice are all derived from it (engine.ts). Adding a route is one
 * row here (or in the file of its area), its schema, its normaliser and its types.
 */
import type { Route } from './route.js';
import { FLOW_ROUTES } from './flows.js';
import { MODE_ROUTES } from './modes.js';
import { route } from './route.js';
import { SDK_ROUTES } from './sdk.js';
import { WEB_ROUTES } from './web.js';

export const ROUTES: readonly Route[] = [
  route({
    name: 'health',
    method: 'GET',
    path: '/health',
    kind: 'public',
    respond: ({ deps: { options } }) => ({
      ok: true,
      upstream: options.sandbox ? 'simulator' : 'tencent',
      region: options.region,
    }),
  }),
  ...WEB_ROUTES,
  ...MODE_ROUTES,
  ...SDK_ROUTES,
  ...FLOW_ROUTES,
];
