import { describe, expect, it } from 'vitest';
import { paramsFromForm } from './form-params.js';
import { optionalBoolean, optionalInteger, optionalObject, type Params } from './params.js';

const read = (fields: string) => paramsFromForm(new URLSearchParams(fields), new Set(['Action']));

describe('paramsFromForm', () => {
  it('rebuilds nested objects and arrays, leaving out the skipped names', () => {
    const params = read('Action=X&Config.CheckMode=1&List.0.Name=a&List.1.Name=b&Tags.0=x&Extra=a%26b');
    expect(JSON.parse(JSON.stringify(params))).toEqual({
      Config: { CheckMode: '1' },
      List: [{ Name: 'a' }, { Name: 'b' }],
      Tags: ['x'],
      Extra: 'a&b',
    });
  });

  it('refuses a name used as both a value and a parent, a repeat or an empty segment', () => {
    for (const fields of ['A=1&A.B=2', 'A.B=2&A=1', 'A=1&A=2', 'A..B=1', '.A=1']) {
      expect(() => read(fields), fields).toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
    }
  });

  it('keeps __proto__ as plain data', () => {
    const params = read('__proto__.x=1');
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(({} as Params).x).toBeUndefined();
  });

  it('lets the readers parse form strings strictly, and only form strings', () => {
    const config = optionalObject(
      read('Config.N=12&Config.B=false&Config.Bad=1x&Config.Lead=01&Config.T=TRUE'),
      'Config',
    );
    expect(config && optionalInteger(config, 'N', 1, 20)).toBe(12);
    expect(config && optionalBoolean(config, 'B')).toBe(false);
    for (const [name, reader] of [
      ['Bad', () => optionalInteger(config ?? {}, 'Bad', 0, 9)],
      ['Lead', () => optionalInteger(config ?? {}, 'Lead', 0, 9)],
      ['T', () => optionalBoolean(config ?? {}, 'T')],
    ] as const) {
      expect(reader, name).toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
    }
    expect(() => optionalInteger({ N: '12' }, 'N', 1, 20)).toThrow(
      expect.objectContaining({ code: 'InvalidParameter' }),
    );
    expect(() => optionalBoolean({ B: 'true' }, 'B')).toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
  });
});
