import { describe, expect, test } from 'vitest';
import type { WebVerificationResult } from '../states.js';
import { errorCategoryFor, hostedPageLanguage, MESSAGES, reasonFor, resolveLocale } from './index.js';

/** Dotted paths of every string in a nested table. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as object).flatMap(([key, inner]) => paths(inner, prefix ? `${prefix}.${key}` : key));
}

function result(partial: Partial<WebVerificationResult>): WebVerificationResult {
  return {
    status: 'failed',
    errorCode: null,
    errorMessage: null,
    similarity: null,
    attempts: [],
    extra: null,
    requestId: 'req',
    ...partial,
  };
}

describe('the message table', () => {
  const english = paths(MESSAGES.en).sort();

  test.each(Object.keys(MESSAGES))('%s has every key of en, each a non-empty text of its own', (locale) => {
    const table = MESSAGES[locale as keyof typeof MESSAGES];
    expect(paths(table).sort()).toEqual(english);
    for (const path of english) {
      const text = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table);
      expect(typeof text === 'string' && text.trim().length > 0, `${locale} ${path}`).toBe(true);
    }
  });

  test('the English texts the tests and the README rely on', () => {
    expect(MESSAGES.en).toMatchObject({
      start: 'Verify identity',
      passed: 'Identity verified',
      failed: 'Verification failed',
      incomplete: 'Verification not completed',
      expired: 'Verification session expired',
      error: 'Something went wrong',
      retry: 'Try again',
    });
  });
});

describe('resolveLocale and the hosted page language', () => {
  test.each([
    ['en', 'en', 'en'],
    ['en-GB', 'en', 'en'],
    ['zh-CN', 'zh-CN', 'zh-cn'],
    ['zh', 'zh-CN', 'zh-cn'],
    ['zh-Hans-SG', 'zh-CN', 'zh-cn'],
    ['zh-TW', 'zh-TW', 'zh-tc'],
    ['zh-HK', 'zh-TW', 'zh-tc'],
    ['zh_hant', 'zh-TW', 'zh-tc'],
    ['th-TH', 'th', 'th'],
    ['id', 'id', 'id'],
    ['in', 'id', 'id'],
    ['fr', 'en', 'en'],
    ['', 'en', 'en'],
    [null, 'en', 'en'],
  ])('%s → %s (hosted page %s)', (tag, locale, hosted) => {
    expect(resolveLocale(tag)).toBe(locale);
    expect(hostedPageLanguage(resolveLocale(tag))).toBe(hosted);
  });
});

describe('reasons from Tencent H5 ErrorCodes (faceid-api.md §5.5)', () => {
  test.each([
    [1005, 'liveness'],
    [1001, 'liveness'],
    [1207, 'liveness'],
    [1302, 'liveness'],
    [1401, 'liveness'],
    [202, 'liveness'],
    [1004, 'imageQuality'],
    [1102, 'imageQuality'],
    [1201, 'imageQuality'],
    [1210, 'imageQuality'],
    [2009, 'imageQuality'],
    [2012, 'imageQuality'],
    [2011, 'faceMismatch'],
    [2015, 'faceMismatch'],
    [2016, 'faceMismatch'],
    [1409, 'timeout'],
    [1410, 'quit'],
    [4, null],
    [16, null],
  ])('failed with %i → %s', (errorCode, reason) => {
    expect(reasonFor(result({ errorCode }))).toBe(reason);
  });

  test('an unknown final code falls back to the last attempt’s liveness or comparison code', () => {
    const attempt = { errorCode: 16, livenessErrorCode: 0, compareErrorCode: 2016, similarity: 40, at: null };
    expect(reasonFor(result({ errorCode: 16, attempts: [attempt] }))).toBe('faceMismatch');
  });

  test('incomplete without a verdict: the user left; passed and expired need no reason', () => {
    expect(reasonFor(result({ status: 'incomplete' }))).toBe('notFinished');
    expect(reasonFor(result({ status: 'passed', errorCode: 0 }))).toBeNull();
    expect(reasonFor(result({ status: 'expired', errorCode: 15 }))).toBeNull();
  });

  test.each([
    ['proxy_unreachable', 'network'],
    ['timeout', 'network'],
    ['upstream_timeout', null],
    ['upstream_unavailable', null],
    ['cors_refused', null],
    ['popup_blocked', 'popup'],
    ['binding_invalid', null],
    ['upstream_error', null],
  ])('error %s → %s', (code, category) => {
    expect(errorCategoryFor(code)).toBe(category);
  });
});
