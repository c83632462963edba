/**
 * Test support for the proxy's own tests (Node and browser; not exported from the package): invented
 * configuration with secret canaries, a shared movable clock, and the browser's half of the web flow.
 */
import type { FaceIdProxyOptions, WebSession } from '../src/app/types.js';

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

/** Option overrides; `undefined` removes the default. */
export type OptionOverrides = { [K in keyof FaceIdProxyOptions]?: FaceIdProxyOptions[K] | undefined };

/** Sandbox options against `endpoint`, with limits off so tests measure the behaviour, not the throttles. */
export function testProxyOptions(endpoint: string, overrides: OptionOverrides = {}): FaceIdProxyOptions {
  const options: Record<string, unknown> = {
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
  for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
  return options as unknown as FaceIdProxyOptions;
}

/** RedirectURL attacks: each must be refused when https://app.example.com/kyc/return is configured. */
export const REDIRECT_ATTACKS: readonly string[] = [
  // userinfo
  'https://app.example.com@evil.example/kyc/return',
  'https://user:pass@app.example.com/kyc/return',
  'https://evil.example@app.example.com/kyc/return',
  'https://app.example.com%40evil.example/kyc/return',
  // other port, other scheme
  'https://app.example.com:8443/kyc/return',
  'https://app.example.com:443/kyc/return',
  'http://app.example.com/kyc/return',
  'javascript://app.example.com/kyc/return',
  'data:text/html,https://app.example.com/kyc/return',
  'wss://app.example.com/kyc/return',
  // scheme-relative and missing scheme
  '//app.example.com/kyc/return',
  '//evil.example/kyc/return',
  'app.example.com/kyc/return',
  '/kyc/return',
  // backslashes
  'https://app.example.com\\@evil.example/kyc/return',
  'https:\\\\app.example.com\\kyc\\return',
  'https://evil.example\\.app.example.com/kyc/return',
  // trailing dot and look-alike hosts
  'https://app.example.com./kyc/return',
  'https://app.example.com.evil.example/kyc/return',
  'https://app-example.com/kyc/return',
  'https://evilapp.example.com/kyc/return',
  'https://APP.EXAMPLE.COM/kyc/return',
  'https://аpp.example.com/kyc/return', // Cyrillic а
  'https://xn--pp-7ka.example.com/kyc/return',
  'https://app.example.com\u3002evil.example/kyc/return',
  // encoded characters
  'https://app.example.com/kyc%2Freturn',
  'https://app.example.com/kyc/%72eturn',
  'https://app%2Eexample.com/kyc/return',
  'https%3A%2F%2Fapp.example.com%2Fkyc%2Freturn',
  'https://app.example.com/kyc/return%00',
  // path tricks (prefix and suffix games, dot segments)
  'https://app.example.com/kyc/return/../../evil',
  'https://app.example.com/kyc/./return',
  'https://app.example.com/kyc/returned',
  'https://app.example.com/kyc/return/',
  'https://app.example.com/kyc/return/evil',
  'https://app.example.com/KYC/return',
  'https://app.example.com//kyc/return',
  'https://app.example.com/kyc/return;evil',
  // CR/LF and other control or space characters
  'https://app.example.com/kyc/return\r\nSet-Cookie: a=b',
  'https://app.example.com/kyc/return?x=1\r\nLocation: https://evil.example',
  'https://app.example.com/kyc/\nreturn',
  'https://app.exa\tmple.com/kyc/return',
  ' https://app.example.com/kyc/return',
  'https://app.example.com/kyc/return ',
  // empty and oversized
  '',
  `https://app.example.com/kyc/return?${'a'.repeat(2100)}`,
];

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
