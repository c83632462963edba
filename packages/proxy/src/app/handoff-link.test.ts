import { describe, expect, it } from 'vitest';
import { createHandoffLinks } from './handoff-link.js';

const secret = new TextEncoder().encode('EXAMPLE-canary-binding-secret-0123456789abcdef');
const links = createHandoffLinks(secret);
const BASE = 'https://app.example.com/faceid';
const TARGET = 'https://intl.faceid.qq.com/reflect/?token=BIZ-1&lang=en';
const NOW = Date.UTC(2026, 0, 1);

async function linkQuery(expiresAt = NOW + 600_000) {
  const link = new URL(await links.create(BASE, 'BIZ-1', TARGET, expiresAt));
  return { link, query: link.searchParams };
}

describe('handoff links', () => {
  it('is an absolute link under the base that opens to its VerificationURL until the BizToken ends', async () => {
    const { link, query } = await linkQuery();
    expect(link.href.startsWith(`${BASE}/web/handoff/BIZ-1?e=`)).toBe(true);
    expect(link.href).not.toContain('EXAMPLE-canary');
    expect(await links.open('BIZ-1', query, NOW)).toBe(TARGET);
    expect(await links.open('BIZ-1', query, NOW + 599_000)).toBe(TARGET);
    expect(await links.open('BIZ-1', query, NOW + 600_000)).toBeNull();
  });

  it('opens to nothing when altered, moved to another BizToken or signed with another secret', async () => {
    const { query } = await linkQuery();
    expect(await links.open('BIZ-2', query, NOW)).toBeNull();
    for (const [name, value] of [
      ['e', String(Number(query.get('e')) + 1)],
      ['u', Buffer.from('https://evil.example/').toString('base64url')],
      ['s', `${query.get('s')?.slice(0, -2)}AA`],
      ['s', 'not base64url!'],
      ['e', '1e12'],
    ] as const) {
      const altered = new URLSearchParams(query);
      altered.set(name, value);
      expect(await links.open('BIZ-1', altered, NOW), `${name}=${value}`).toBeNull();
    }
    for (const name of ['e', 'u', 's']) {
      const missing = new URLSearchParams(query);
      missing.delete(name);
      expect(await links.open('BIZ-1', missing, NOW)).toBeNull();
    }
    const foreign = createHandoffLinks(new TextEncoder().encode('another-secret-0123456789abcdef-0123456789'));
    expect(await foreign.open('BIZ-1', query, NOW)).toBeNull();
  });
});
