import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { publicBase } from './public-base.js';

/** publicBase of a request to `url` with `headers`, as the row at `/web/sessions` (mounted at `mount`) sees it. */
async function baseOf(
  url: string,
  options: { publicUrl?: string; trustProxy: number },
  headers: Record<string, string> = {},
  mount = '',
): Promise<string> {
  const inner = new Hono().post('/web/sessions', (c: Context) => c.text(publicBase(c, options, '/web/sessions')));
  const app = mount === '' ? inner : new Hono().route(mount, inner);
  return (await app.request(url, { method: 'POST', headers })).text();
}

describe('publicBase', () => {
  it('is the request URL up to the route, keeping a Hono mount path', async () => {
    expect(await baseOf('http://localhost:8787/web/sessions', { trustProxy: 0 })).toBe('http://localhost:8787');
    expect(await baseOf('https://app.example.com/faceid/web/sessions', { trustProxy: 0 }, {}, '/faceid')).toBe(
      'https://app.example.com/faceid',
    );
  });

  it('is the publicUrl option when set', async () => {
    const options = { publicUrl: 'https://app.example.com/kyc/faceid', trustProxy: 1 };
    expect(await baseOf('http://10.0.0.5:8787/web/sessions', options, { 'x-forwarded-host': 'x.example' })).toBe(
      'https://app.example.com/kyc/faceid',
    );
  });

  it('follows X-Forwarded-Proto, -Host and -Prefix only from trusted proxies', async () => {
    const headers = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'app.example.com',
      'x-forwarded-prefix': '/faceid',
    };
    expect(await baseOf('http://10.0.0.5:8787/web/sessions', { trustProxy: 0 }, headers)).toBe('http://10.0.0.5:8787');
    expect(await baseOf('http://10.0.0.5:8787/web/sessions', { trustProxy: 1 }, headers)).toBe(
      'https://app.example.com/faceid',
    );
    // The entry the trusted hop set is the right-most; odd values are ignored.
    const chained = { 'x-forwarded-host': 'evil.example, app.example.com', 'x-forwarded-proto': 'javascript' };
    expect(await baseOf('http://10.0.0.5:8787/web/sessions', { trustProxy: 1 }, chained)).toBe(
      'http://app.example.com',
    );
    const odd = { 'x-forwarded-host': 'evil.example/path@x', 'x-forwarded-prefix': '/a b' };
    expect(await baseOf('http://10.0.0.5:8787/web/sessions', { trustProxy: 1 }, odd)).toBe('http://10.0.0.5:8787');
  });
});
