/**
 * Rebuilds a request object from v1 form fields, undoing the intl-en SDK's mergeData: `Config.CheckMode=1` →
 * `{Config: {CheckMode: "1"}}`, `List.0.Name=a` → `{List: [{Name: "a"}]}`. Values stay strings; the objects are
 * marked with `fromForm` so the parameter readers parse integers and booleans strictly.
 */
import { SimulatorApiError } from './api-error.js';
import { fromForm, type Params } from './params.js';

// Null prototype: a field named `__proto__` or `constructor` is plain data here.
const node = (): Params => fromForm(Object.create(null) as Params);

function badName(name: string): SimulatorApiError {
  return new SimulatorApiError('InvalidParameter', `The parameter name ${name} is malformed or repeated.`);
}

function place(root: Params, name: string, value: string): void {
  const path = name.split('.');
  if (path.some((segment) => segment === '')) throw badName(name);
  const last = path.pop() as string;
  let parent = root;
  for (const segment of path) {
    const child = Object.hasOwn(parent, segment) ? parent[segment] : (parent[segment] = node());
    if (typeof child !== 'object') throw badName(name);
    parent = child as Params;
  }
  if (Object.hasOwn(parent, last)) throw badName(name);
  parent[last] = value;
}

/** An object whose keys are exactly 0…n-1 was an array; converts those, depth first. */
function withArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const params = value as Params;
  const keys = Object.keys(params);
  for (const key of keys) params[key] = withArrays(params[key]);
  return keys.length > 0 && keys.every((key, i) => key === String(i)) ? keys.map((key) => params[key]) : params;
}

/**
 * @param skip field names that are not part of the request (the v1 common parameters).
 * @throws {SimulatorApiError} `InvalidParameter` for an empty path segment or a name used both as a value and a parent.
 */
export function paramsFromForm(form: URLSearchParams, skip: ReadonlySet<string>): Params {
  const root = node();
  for (const [name, value] of form) if (!skip.has(name)) place(root, name, value);
  for (const key of Object.keys(root)) root[key] = withArrays(root[key]);
  return root;
}
