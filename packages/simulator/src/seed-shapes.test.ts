/**
 * Each example response of the seed documents (copied into fixtures/seed-responses.json) has the same field
 * names and JSON types as the simulator's reply for that action.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import seeds from './fixtures/seed-responses.json' with { type: 'json' };
import { FACE_BASE64 } from './media.js';
import { callSimulator, type ApiReply } from './sign-request.js';

type JsonType = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/**
 * Differences between two JSON values' shapes: `missing a.b`, `extra a.b`, `type a.b: string != number`.
 * Arrays compare their first elements (the examples' arrays hold one kind of element).
 */
export function shapeDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
  const [want, got] = [jsonType(expected), jsonType(actual)];
  if (want !== got) return [`type ${path}: ${want} != ${got}`];
  if (want === 'array') {
    const [first, other] = [(expected as unknown[])[0], (actual as unknown[])[0]];
    if (first === undefined || other === undefined) return first === other ? [] : [`length ${path}: one side is empty`];
    return shapeDifferences(first, other, `${path}[0]`);
  }
  if (want !== 'object') return [];
  const [a, b] = [expected as Record<string, unknown>, actual as Record<string, unknown>];
  return [
    ...Object.keys(a).flatMap((key) =>
      key in b ? shapeDifferences(a[key], b[key], `${path}.${key}`) : [`missing ${path}.${key}`],
    ),
    ...Object.keys(b)
      .filter((key) => !(key in a))
      .map((key) => `extra ${path}.${key}`),
  ];
}

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

function setup() {
  const app = createSimulator({ publicUrl: 'http://127.0.0.1:8788', now: () => NOW, testControls: true });
  const call = async (action: string, params: object, region: string | null = 'ap-singapore') => {
    const reply = await callSimulator(app, action, params, { timestamp: NOW / 1000, region });
    expect(reply.Response.Error).toBeUndefined();
    return reply;
  };
  const finish = (token: unknown, outcome: string) =>
    app.request('/__simulator/outcomes', { method: 'POST', body: JSON.stringify({ token, outcome }) });
  return { app, call, finish };
}

function compare(name: keyof typeof seeds, reply: ApiReply): string[] {
  return shapeDifferences((seeds[name] as { example: unknown }).example, reply);
}

describe('shapeDifferences', () => {
  it('reports missing, extra and re-typed fields', () => {
    expect(shapeDifferences({ a: 1, b: [{ c: 'x' }] }, { a: '1', b: [{ c: 'y', d: null }], e: true })).toEqual([
      'type $.a: number != string',
      'extra $.b[0].d',
      'extra $.e',
    ]);
    expect(shapeDifferences({ a: 1, b: null }, { a: 2, b: null })).toEqual([]);
  });
});

describe("simulator replies have the seed examples' shapes", () => {
  it('GetFaceIdTokenIntl (seed 003) and GetFaceIdResultIntl (seed 000)', async () => {
    const { call, finish } = setup();
    const token = await call('GetFaceIdTokenIntl', { CheckMode: 'compare', Image: FACE_BASE64, Extra: 'abc' });
    expect(compare('GetFaceIdTokenIntl', token)).toEqual([]);
    await finish(token.Response.SdkToken, 'pass');
    expect(
      compare('GetFaceIdResultIntl', await call('GetFaceIdResultIntl', { SdkToken: token.Response.SdkToken })),
    ).toEqual([]);
  });

  it('GetWebVerificationResult (seed 001) and ApplyWebVerificationToken', async () => {
    const { call, finish } = setup();
    const apply = await call('ApplyWebVerificationToken', {
      RedirectUrl: 'https://app.example.com/kyc/done',
      CompareImageUrl: 'https://example-1250000000.cos.ap-singapore.myqcloud.com/photo.jpg',
      CompareImageMd5: '0cc175b9c0f1b6a831c399e269772661',
    });
    expect(compare('ApplyWebVerificationToken', apply)).toEqual([]);
    await finish(apply.Response.BizToken, 'fail-compare');
    expect(
      compare(
        'GetWebVerificationResult',
        await call('GetWebVerificationResult', { BizToken: apply.Response.BizToken }),
      ),
    ).toEqual([]);
  });

  it('GetSdkVerificationResult (seed 002)', async () => {
    const { call, finish } = setup();
    const token = await call('ApplySdkVerificationToken', { NeedVerifyIdCard: true });
    await finish(token.Response.SdkToken, 'fail-liveness');
    expect(
      compare(
        'GetSdkVerificationResult',
        await call('GetSdkVerificationResult', { SdkToken: token.Response.SdkToken }),
      ),
    ).toEqual([]);
  });

  it('ImageRecognitionV2 (seed 004), success and low similarity', async () => {
    const { call } = setup();
    const request = { IdCard: '11204416541220243X', ImageBase64: FACE_BASE64 };
    expect(
      compare('ImageRecognitionV2', await call('ImageRecognitionV2', { ...request, Name: 'Wei Xiaobao' }, null)),
    ).toEqual([]);
    const low = await call('ImageRecognitionV2', { ...request, Name: 'LowSim Wei' }, null);
    expect(compare('ImageRecognitionV2LowSimilarity', low)).toEqual([]);
  });

  it('the web pair (faceid-api.md §6.1, §6.2), with VerificationUrl as the one extra field', async () => {
    const { call, finish } = setup();
    const apply = await call('ApplyWebVerificationBizTokenIntl', {
      RedirectURL: 'https://app.example.com/kyc/return',
      Extra: 'session-7f3a',
      Config: { CheckMode: 1, IDCardType: 'HKIDCard' },
    });
    expect(compare('ApplyWebVerificationBizTokenIntl', apply)).toEqual(['extra $.Response.VerificationUrl']);
    await finish(apply.Response.BizToken, 'pass');
    const result = await call('GetWebVerificationResultIntl', { BizToken: apply.Response.BizToken });
    expect(compare('GetWebVerificationResultIntl', result)).toEqual([]);
  });

  it('API errors (faceid-api.md §6.11)', async () => {
    const { app } = setup();
    const reply = await callSimulator(
      app,
      'GetWebVerificationResultIntl',
      { BizToken: 'unknown' },
      { timestamp: NOW / 1000 },
    );
    expect(compare('Error', reply)).toEqual([]);
  });
});
