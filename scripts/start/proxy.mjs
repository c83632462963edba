// The demo's proxy: the same `createFaceIdProxy` an integrator mounts, configured from the environment like
// the `faceid-proxy` CLI, plus what only the demo knows: its own origins and pages, and the visitor hook.
import { createFaceIdProxy } from '@faceid-verify/proxy';
import { proxyOptionsFromEnv, withNodeDefaults } from '@faceid-verify/proxy/node';
import { DEMO_CREDENTIALS } from '@faceid-verify/simulator';
import { getCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';

/** The demo's stand-in for a login session: a random visitor id in an HttpOnly cookie. */
export const VISITOR_COOKIE = 'faceid_demo_visitor';

/**
 * The visitor id from the demo's cookie: the `reference` that ties a flow to the visitor who started it. The
 * ledger keeps it and the webhooks carry it back; it never goes to FaceID and is never taken from a request body.
 * @param {import('hono').Context} c
 * @returns {string | undefined}
 */
export function visitorOf(c) {
  return getCookie(c, VISITOR_COOKIE) || undefined;
}

/**
 * @param {object} input
 * @param {NodeJS.ProcessEnv} input.env The process environment (FACEID_REGION, FACEID_RULE_ID, … apply).
 * @param {'simulator' | 'tencent'} input.upstream
 * @param {string | undefined} input.simulatorUrl The simulator's URL, the FaceID endpoint in sandbox.
 * @param {string[]} input.origins The demo's origins: the only ones allowed to call the browser routes.
 * @param {string[]} input.redirectUrls The demo pages that embed the element: the only RedirectURLs.
 * @param {(() => number) | undefined} input.now The proxy's clock (ms); default Date.now.
 * @param {import('@faceid-verify/proxy/ledger').Ledger} input.ledger Where every flow is recorded.
 * @returns {{ proxy: import('hono').Hono, apiKey: string }} `apiKey` opens the server-to-server routes.
 * @throws {Error} naming the variable, when the environment holds a bad proxy setting.
 */
export function createDemoProxy({ env, upstream, simulatorUrl, origins, redirectUrls, now, ledger }) {
  /** @type {NodeJS.ProcessEnv} */
  const demoEnv = {
    ...env,
    FACEID_ALLOWED_ORIGINS: origins.join(','),
    FACEID_REDIRECT_URLS: redirectUrls.join(','),
    FACEID_BINDING_SECRET: env.FACEID_BINDING_SECRET || randomBytes(32).toString('base64url'),
    FACEID_API_KEY: env.FACEID_API_KEY || randomBytes(24).toString('base64url'),
  };
  if (upstream === 'simulator') {
    Object.assign(demoEnv, {
      FACEID_SANDBOX: '1',
      FACEID_ENDPOINT: simulatorUrl,
      TENCENTCLOUD_SECRET_ID: DEMO_CREDENTIALS.secretId,
      TENCENTCLOUD_SECRET_KEY: DEMO_CREDENTIALS.secretKey,
    });
    delete demoEnv.TENCENTCLOUD_SESSION_TOKEN;
  } else {
    demoEnv.FACEID_SANDBOX = '0';
  }
  const proxy = createFaceIdProxy(
    withNodeDefaults({
      ...proxyOptionsFromEnv(demoEnv),
      ...(now ? { now } : {}),
      ledger,
      // Where a real site authenticates its user; here the visitor id becomes the flow's reference.
      beforeSession: (c) => {
        const reference = visitorOf(c);
        return reference === undefined ? {} : { reference };
      },
    }),
  );
  return { proxy, apiKey: /** @type {string} */ (demoEnv.FACEID_API_KEY) };
}
