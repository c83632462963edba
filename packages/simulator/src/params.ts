/**
 * Small typed readers for action parameters with Tencent's error codes: absent → `MissingParameter`,
 * wrong JSON type → `InvalidParameter`, right type but bad value → `InvalidParameterValue`.
 */
import { SimulatorApiError } from './api-error.js';

export type Params = Record<string, unknown>;

/** Objects decoded from a v1 form body, whose scalars all arrive as strings. JSON bodies are never in it. */
const formObjects = new WeakSet<Params>();

/** Marks `params` as read from a v1 form: the integer and boolean readers then parse its strings strictly. */
export function fromForm(params: Params): Params {
  formObjects.add(params);
  return params;
}

/** `params[name]`, with a form string parsed by `parse` when it matches (else the string, which then fails). */
function read(params: Params, name: string, parse: (text: string) => unknown): unknown {
  const value = params[name];
  if (typeof value !== 'string' || !formObjects.has(params)) return value;
  return parse(value) ?? value;
}

const parseInteger = (text: string) => (/^-?(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : undefined);
const parseBoolean = (text: string) => (text === 'true' ? true : text === 'false' ? false : undefined);

function typeError(name: string, expected: string): SimulatorApiError {
  return new SimulatorApiError('InvalidParameter', `The parameter ${name} must be ${expected}.`);
}

export function valueError(name: string, detail: string): SimulatorApiError {
  return new SimulatorApiError('InvalidParameterValue', `The value of ${name} is invalid: ${detail}.`);
}

function present(params: Params, name: string): boolean {
  return params[name] !== undefined && params[name] !== null;
}

/** A required non-empty string. */
export function requiredString(params: Params, name: string, maxLength = Infinity): string {
  if (!present(params, name) || params[name] === '') {
    throw new SimulatorApiError('MissingParameter', `The request is missing a required parameter ${name}.`);
  }
  return optionalString(params, name, maxLength) as string;
}

export function optionalString(params: Params, name: string, maxLength = Infinity): string | undefined {
  if (!present(params, name)) return undefined;
  const value = params[name];
  if (typeof value !== 'string') throw typeError(name, 'a string');
  if (value.length > maxLength) throw valueError(name, `longer than ${maxLength} characters`);
  return value;
}

/** An optional integer within [min, max]. */
export function optionalInteger(params: Params, name: string, min: number, max: number): number | undefined {
  if (!present(params, name)) return undefined;
  const value = read(params, name, parseInteger);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(name, 'an integer');
  if (value < min || value > max) throw valueError(name, `outside ${min}–${max}`);
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  if (!present(params, name)) return undefined;
  const value = read(params, name, parseBoolean);
  if (typeof value !== 'boolean') throw typeError(name, 'a boolean');
  return value;
}

export function optionalObject(params: Params, name: string): Params | undefined {
  if (!present(params, name)) return undefined;
  const value = params[name];
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError(name, 'an object');
  return value as Params;
}

/** An optional string out of `allowed`. */
export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw valueError(name, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

/** An absolute http(s) URL, as RedirectURL must be. */
export function requiredHttpUrl(params: Params, name: string): string {
  const value = requiredString(params, name, 1024);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw valueError(name, 'not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw valueError(name, 'not an http(s) URL');
  return value;
}

/** Standard base64 with padding (RFC 4648), at most `maxLength` characters. */
export function requiredBase64(params: Params, name: string, maxLength: number): string {
  const value = requiredString(params, name);
  if (value.length > maxLength) throw valueError(name, `larger than ${maxLength} base64 characters`);
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw valueError(name, 'not standard base64');
  return value;
}
