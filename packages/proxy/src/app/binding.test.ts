import { decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { nodeTc3Crypto } from '../node/crypto.js';
import { constantTimeEqual, createBindingIssuer } from './binding.js';

const NOW = Date.UTC(2026, 10, 21, 12);
const TOKEN = '81EEF678-28EE-4759-A82E-6CBBBE6BC442';
const SECRET = 'EXAMPLE-binding-secret-0123456789abcdef';
const issuer = createBindingIssuer(SECRET);

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

  it('is a standard JWS: jose verifies it, and node:crypto primitives agree with Web Crypto', async () => {
    const binding = await issuer.issue(TOKEN, 'intl', NOW, NOW + 60_000);
    const { payload } = await jwtVerify(binding, new TextEncoder().encode(SECRET), { currentDate: new Date(NOW) });
    expect(payload['flow']).toBe('intl');
    const nodeIssuer = createBindingIssuer(SECRET, nodeTc3Crypto);
    expect(await nodeIssuer.verify(binding, TOKEN, 'intl', NOW)).toBe(true);
    expect(await issuer.verify(await nodeIssuer.issue(TOKEN, 'legacy', NOW, NOW + 1000), TOKEN, 'legacy', NOW)).toBe(
      true,
    );
  });

  it('accepts only the protected header it issues, even with a valid HMAC', async () => {
    const tok = decodeJwt(await issuer.issue(TOKEN, 'intl', NOW, NOW + 60_000))['tok'];
    const key = new TextEncoder().encode(SECRET);
    const exp = (NOW + 60_000) / 1000;
    for (const header of [
      { alg: 'HS256' },
      { alg: 'HS256', typ: 'JWT' },
      { alg: 'HS512', typ: 'faceid-binding+jwt' },
    ] as const) {
      const forged = await new SignJWT({ tok, flow: 'intl', exp }).setProtectedHeader(header).sign(key);
      expect(await issuer.verify(forged, TOKEN, 'intl', NOW)).toBe(false);
    }
  });

  it('compares in constant time only equal lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
  });
});
