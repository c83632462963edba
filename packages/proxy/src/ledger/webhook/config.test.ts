import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { LedgerConfigError } from '../errors.js';
import { newWebhookSecret, parseWebhookSecrets, parseWebhookUrl } from './config.js';

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (thrown) {
    return thrown as LedgerConfigError;
  }
  throw new Error('expected a throw');
};

describe('parseWebhookUrl', () => {
  it('takes https, and http only in sandbox', () => {
    expect(parseWebhookUrl('https://api.example.com/hooks/faceid', { sandbox: false }).href).toBe(
      'https://api.example.com/hooks/faceid',
    );
    expect(parseWebhookUrl('http://127.0.0.1:9000/hooks', { sandbox: true }).port).toBe('9000');
  });

  it('names FACEID_WEBHOOK_URL for anything else', () => {
    for (const [value, sandbox] of [
      ['http://api.example.com/hooks', false],
      ['api.example.com/hooks', false],
      ['ftp://api.example.com/', true],
      ['https://user:pw@api.example.com/', false],
    ] as const) {
      const thrown = error(() => parseWebhookUrl(value, { sandbox }));
      expect(thrown).toBeInstanceOf(LedgerConfigError);
      expect(thrown.variable).toBe('FACEID_WEBHOOK_URL');
      expect(thrown.message).toMatch(/^FACEID_WEBHOOK_URL: /);
    }
  });
});

describe('parseWebhookSecrets', () => {
  it('splits a rotation list and keeps secrets standardwebhooks accepts', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(parseWebhookSecrets(` ${a}, ${b} `)).toEqual([a, b]);
    expect(() => new Webhook(a)).not.toThrow();
  });

  it('names FACEID_WEBHOOK_SECRET and never echoes the value', () => {
    for (const value of ['', 'whsec_', 'whsec_c2hvcnQ=', 'sk_live_abcdef', `${newWebhookSecret()},whsec_!!!`]) {
      const thrown = error(() => parseWebhookSecrets(value));
      expect(thrown.variable).toBe('FACEID_WEBHOOK_SECRET');
      if (value.length > 'whsec_'.length) expect(thrown.message).not.toContain(value);
    }
  });
});
