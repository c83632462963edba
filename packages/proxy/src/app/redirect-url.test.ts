import { describe, expect, it } from 'vitest';
import { canonicalReturnUrl, createRedirectMatcher } from './redirect-url.js';
import { REDIRECT_ATTACKS } from '../../test/proxy-testing.js';

const CONFIGURED_RETURN_URLS = ['https://app.example.com/kyc/return', 'http://localhost:5173/demo/'];

describe('createRedirectMatcher', () => {
  const match = createRedirectMatcher(CONFIGURED_RETURN_URLS);

  it('passes exact configured URLs and drops their query and fragment', () => {
    expect(match('https://app.example.com/kyc/return')).toBe('https://app.example.com/kyc/return');
    expect(match('https://app.example.com/kyc/return?lang=en&token=old#top')).toBe(
      'https://app.example.com/kyc/return',
    );
    expect(match('https://app.example.com/kyc/return#x')).toBe('https://app.example.com/kyc/return');
    expect(match('http://localhost:5173/demo/')).toBe('http://localhost:5173/demo/');
  });

  it(`refuses all ${REDIRECT_ATTACKS.length} attacks of the corpus`, () => {
    expect(REDIRECT_ATTACKS.length).toBeGreaterThanOrEqual(30);
    const passed = REDIRECT_ATTACKS.filter((attack) => match(attack) !== null);
    expect(passed).toEqual([]);
  });

  it('treats a bare origin and its root path as the same URL', () => {
    const root = createRedirectMatcher(['https://app.example.com']);
    expect(root('https://app.example.com')).toBe('https://app.example.com/');
    expect(root('https://app.example.com/')).toBe('https://app.example.com/');
    expect(root('https://app.example.com.')).toBeNull();
  });
});

describe('canonicalReturnUrl', () => {
  it('normalises configured URLs', () => {
    expect(canonicalReturnUrl('https://App.Example.com:443/kyc/return?x=1#y')).toBe(
      'https://app.example.com/kyc/return',
    );
  });

  it.each([
    ['not a url', /absolute/],
    ['ftp://app.example.com/x', /http/],
    ['http://app.example.com/x', /https/],
    ['https://u:p@app.example.com/x', /userinfo/],
    ['https://app.example.com./x', /dot/],
  ])('refuses %s', (url, message) => {
    expect(() => canonicalReturnUrl(url)).toThrow(message);
  });
});
