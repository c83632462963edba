import { decodeProtectedHeader, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createBindingIssuer } from './binding.js';

const NOW = Date.UTC(2026, 10, 21, 12);
const TOKEN = '81EEF678-28EE-4759-A82E-6CBBBE6BC442';
const issuer = createBindingIssuer('EXAMPLE-binding-secret-0123456789abcdef');

describe('binding', () => {
  it('is an HS256 JWS over a hash of the BizToken, the flow and the expiry', async () => {
    const binding = await issuer.issue(TOKEN, 'intl', NOW, NOW + 60_000);
    expect(decodeProtectedHeader(binding)).toMatchObject({ alg: 'HS256' });
    const claims = decodeJwt(binding);
    expect(claims).toMatchObject({ flow: 'intl', exp: (NOW + 60_000) / 1000, iat: NOW / 1000 });
    expect(binding).not.toContain(TOKEN);
    expect(JSON.stringify(claims)).not.toContain(TOKEN);
  });

  it('verifies only for the same BizToken, flow and secret, before expiry', async () => {
    const binding = await issuer.issue(TOKEN, 'intl', NOW, NOW + 60_000);
    expect(await issuer.verify(binding, TOKEN, 'intl', NOW + 59_000)).toBe(true);
    expect(await issuer.verify(binding, TOKEN, 'intl', NOW + 60_000)).toBe(false);
    expect(await issuer.verify(binding, TOKEN, 'legacy', NOW)).toBe(false);
    expect(await issuer.verify(binding, TOKEN.replace('81', '82'), 'intl', NOW)).toBe(false);
    const other = createBindingIssuer('EXAMPLE-another-secret-0123456789abcdef');
    expect(await other.verify(binding, TOKEN, 'intl', NOW)).toBe(false);
  });

  it('refuses tampered, unsigned and malformed bindings without throwing', async () => {
    const binding = await issuer.issue(TOKEN, 'intl', NOW, NOW + 60_000);
    const [header, payload, signature] = binding.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    const none = `${btoa(JSON.stringify({ alg: 'none' })).replace(/=+$/, '')}.${payload}.`;
    for (const bad of [`${header}.${payload}.${flipped}`, none, '', 'a.b.c', binding.slice(1)]) {
      expect(await issuer.verify(bad, TOKEN, 'intl', NOW)).toBe(false);
    }
  });
});
