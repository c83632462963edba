import { afterEach, describe, expect, test } from 'vitest';
import { currentPageUrl, takeReturnToken } from './return-url.js';

const pageUrl = location.href;

afterEach(() => history.replaceState(null, '', pageUrl));

function visit(query: string, hash = '') {
  const url = new URL(pageUrl);
  for (const [key, value] of new URLSearchParams(query)) url.searchParams.set(key, value);
  url.hash = hash;
  history.replaceState({ kept: true }, '', url.href);
}

describe('takeReturnToken', () => {
  test('returns the token and removes only it, keeping other parameters, the fragment and history.state', () => {
    const length = history.length;
    visit('a=1&token=ABC-123&b=2', '#here');
    expect(takeReturnToken()).toBe('ABC-123');
    const url = new URL(location.href);
    expect(url.searchParams.has('token')).toBe(false);
    expect([url.searchParams.get('a'), url.searchParams.get('b'), url.hash]).toEqual(['1', '2', '#here']);
    expect(history.state).toEqual({ kept: true });
    expect(history.length).toBe(length); // replaced, not pushed
  });

  test('no token: null, address untouched; an empty token is scrubbed and ignored', () => {
    visit('a=1');
    const before = location.href;
    expect(takeReturnToken()).toBeNull();
    expect(location.href).toBe(before);
    visit('token=');
    expect(takeReturnToken()).toBeNull();
    expect(location.search).not.toContain('token');
  });

  test('currentPageUrl is this page without token (the default RedirectURL)', () => {
    visit('x=1&token=T');
    expect(new URL(currentPageUrl()).searchParams.has('token')).toBe(false);
    expect(new URL(currentPageUrl()).searchParams.get('x')).toBe('1');
  });
});
