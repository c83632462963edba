import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { returnUrl } from './page.js';
import { callSimulator } from './sign-request.js';

const START = Date.UTC(2026, 10, 21, 12, 0, 0);

function setup() {
  let now = START;
  const app = createSimulator({ publicUrl: 'http://127.0.0.1:8788', now: () => now });
  const apply = async (params: object) => {
    const reply = await callSimulator(app, 'ApplyWebVerificationBizTokenIntl', params, {
      timestamp: Math.floor(now / 1000),
    });
    return reply.Response.BizToken as string;
  };
  const post = (form: Record<string, string>) =>
    app.request('/verify', { method: 'POST', body: new URLSearchParams(form) });
  return { app, apply, post, advance: (ms: number) => (now += ms) };
}

describe('GET /verify', () => {
  it('shows the flow settings, the five outcome buttons and a Back to site link', async () => {
    const { app, apply } = setup();
    const token = await apply({
      RedirectURL: 'https://app.example.com/kyc/return?step=2',
      Config: { Language: 'zh-tc', ThemeColor: '#AA3300' },
    });
    const response = await app.request(`/verify?token=${token}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>FaceID Simulator</title>');
    expect(page).toContain('<html lang="zh-tc">');
    expect(page).toContain('#aa3300');
    expect(page).toContain('<form method="post" action="/verify">');
    expect(page).toContain(`<input type="hidden" name="token" value="${token}" />`);
    for (const [value, label] of [
      ['pass', 'Pass'],
      ['fail-liveness', 'Fail liveness'],
      ['fail-compare', 'Fail face comparison'],
      ['timeout', 'Time out'],
      ['quit', 'Quit'],
    ]) {
      expect(page).toContain(`<button type="submit" name="outcome" value="${value}">${label}</button>`);
    }
    expect(page).toContain('<a href="https://app.example.com/kyc/return?step=2">Back to site</a>');
    expect(page).not.toMatch(/<script|style=/);
  });

  it('sends a strict CSP that lets the form reach the RedirectURL origin', async () => {
    const { app, apply } = setup();
    const token = await apply({ RedirectURL: 'https://app.example.com:8443/kyc' });
    const csp = (await app.request(`/verify?token=${token}`)).headers.get('content-security-policy');
    expect(csp).toBe(
      "default-src 'none'; style-src 'self'; form-action 'self' https://app.example.com:8443; base-uri 'none'; frame-ancestors 'none'",
    );
    const css = await app.request('/verify.css?theme=aa3300');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('--accent:#aa3300');
  });

  it('escapes values taken from the request', async () => {
    const { app, apply } = setup();
    const token = await apply({ RedirectURL: 'https://app.example.com/"><script>alert(1)</script>' });
    const page = await (await app.request(`/verify?token=${token}`)).text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&quot;&gt;');
  });

  it('shows an error page for unknown, expired and finished tokens', async () => {
    const { app, apply, post, advance } = setup();
    const unknown = await app.request('/verify?token=%3Cb%3E');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('not valid');
    expect((await app.request('/verify')).status).toBe(404);
    const finished = await apply({ RedirectURL: 'https://app.example.com/' });
    await post({ token: finished, outcome: 'pass' });
    expect((await app.request(`/verify?token=${finished}`)).status).toBe(409);
    const idle = await apply({ RedirectURL: 'https://app.example.com/' });
    advance(10 * 60 * 1000);
    const expired = await app.request(`/verify?token=${idle}`);
    expect(expired.status).toBe(410);
    expect(expired.headers.get('content-security-policy')).toContain("form-action 'none'");
  });
});

describe('POST /verify', () => {
  it('answers 303 to RedirectURL with the token appended', async () => {
    const { apply, post } = setup();
    const token = await apply({ RedirectURL: 'https://app.example.com/kyc/return' });
    const response = await post({ token, outcome: 'fail-compare' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`https://app.example.com/kyc/return?token=${token}`);
  });

  it('refuses an unknown outcome, an unknown token and a second submission', async () => {
    const { apply, post } = setup();
    const token = await apply({ RedirectURL: 'https://app.example.com/' });
    expect((await post({ token, outcome: 'abandon' })).status).toBe(400);
    expect((await post({ token: 'nope', outcome: 'pass' })).status).toBe(404);
    expect((await post({ token, outcome: 'pass' })).status).toBe(303);
    expect((await post({ token, outcome: 'quit' })).status).toBe(409);
  });
});

describe('returnUrl', () => {
  it('adds token to an existing query and before a fragment', () => {
    expect(returnUrl('https://a.example/r', 'T')).toBe('https://a.example/r?token=T');
    expect(returnUrl('https://a.example/r?x=1', 'T')).toBe('https://a.example/r?x=1&token=T');
    expect(returnUrl('https://a.example/r?x=1#done', 'T')).toBe('https://a.example/r?x=1&token=T#done');
    expect(returnUrl('https://a.example/r#/spa/route', 'T')).toBe('https://a.example/r?token=T#/spa/route');
  });
});
