/**
 * Test support for the proxy's own tests (Node and browser; not exported from the package): invented
 * configuration with secret canaries, a shared movable clock, and the browser's half of the web flow.
 */
import type { FaceIdProxyOptions, WebSession } from './types.js';

export const APP_ORIGIN = 'https://app.example.com';
export const RETURN_URL = `${APP_ORIGIN}/kyc/return`;
/** Canaries: none may ever appear in a response. */
export const TEST_SECRET_KEY = 'EXAMPLEcanarySecretKeyNeverInResponses0';
export const TEST_BINDING_SECRET = 'EXAMPLE-canary-binding-secret-0123456789abcdef';
export const TEST_API_KEY = 'EXAMPLE-canary-api-key-0123456789';
export const TEST_CREDENTIALS = { secretId: 'AKIDEXAMPLEproxyTests000000000000000000', secretKey: TEST_SECRET_KEY };
export const CANARIES = [TEST_SECRET_KEY, TEST_BINDING_SECRET, TEST_API_KEY];

/** A clock both the simulator and the proxy read, so TC3 timestamps stay in the simulator's window. */
export function testClock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** Sandbox options against `endpoint`, with limits off so tests measure the behaviour, not the throttles. */
export function testProxyOptions(endpoint: string, overrides: Partial<FaceIdProxyOptions> = {}): FaceIdProxyOptions {
  return {
    credentials: TEST_CREDENTIALS,
    endpoint,
    sandbox: true,
    redirectUrls: [RETURN_URL],
    allowedOrigins: [APP_ORIGIN],
    bindingSecret: TEST_BINDING_SECRET,
    apiKey: TEST_API_KEY,
    rateLimit: false,
    upstreamRatePerSecond: 0,
    logger: () => undefined,
    ...overrides,
  };
}

type Fetcher = (path: string, init: RequestInit) => Response | Promise<Response>;

/** POSTs JSON as the app's page would (with its Origin). */
export function postJson(fetcher: Fetcher, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetcher(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}

/** `POST /web/sessions` that must succeed. */
export async function startWebSession(fetcher: Fetcher): Promise<WebSession> {
  const response = await postJson(fetcher, '/web/sessions', { redirectUrl: RETURN_URL, language: 'en' });
  if (response.status !== 201) throw new Error(`session: ${response.status} ${await response.text()}`);
  return (await response.json()) as WebSession;
}

/**
 * Plays the user on the simulator's hosted page: submits `outcome` and returns the 303's Location
 * (RedirectURL with `token=`). `simulatorFetch` gets absolute simulator URLs.
 */
export async function finishOnHostedPage(
  simulatorFetch: (url: string, init: RequestInit) => Response | Promise<Response>,
  verificationUrl: string,
  outcome: string,
): Promise<string | null> {
  const page = new URL(verificationUrl);
  const token = page.searchParams.get('token') ?? '';
  const response = await simulatorFetch(new URL('/verify', page).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, outcome }).toString(),
    redirect: 'manual',
  });
  return response.headers.get('location');
}
