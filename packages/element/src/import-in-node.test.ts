// Node, no DOM: the package must import without throwing (SSR, tests, build tools), and registering twice is a
// no-op. Lit's Node build brings a minimal customElements registry; define.js uses whatever registry exists.
import { describe, expect, test } from 'vitest';

describe('importing in Node without a DOM', () => {
  test('the package root imports without touching a DOM', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const module = await import('./index.js');
    expect(typeof module.FaceIdVerifyElement).toBe('function');
    expect(module.FACEID_STATES).toContain('idle');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  test('define.js registers once; calling defineFaceIdVerify() again does not throw', async () => {
    const { defineFaceIdVerify, FaceIdVerifyElement, TAG_NAME } = await import('./define.js');
    expect(() => defineFaceIdVerify()).not.toThrow();
    expect(() => defineFaceIdVerify()).not.toThrow();
    expect(customElements.get(TAG_NAME)).toBe(FaceIdVerifyElement);
  });

  test('without any customElements registry, defining is a silent no-op', async () => {
    const { defineFaceIdVerify } = await import('./define.js');
    const registry = Object.getOwnPropertyDescriptor(globalThis, 'customElements');
    Reflect.deleteProperty(globalThis, 'customElements');
    try {
      expect('customElements' in globalThis).toBe(false);
      expect(() => defineFaceIdVerify()).not.toThrow();
    } finally {
      if (registry) Object.defineProperty(globalThis, 'customElements', registry);
    }
  });
});

describe('the built package in a plain Node process', () => {
  test('imports and defines twice without a DOM (dist/, as npm consumers get it; built by tsc -b)', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = [
      "const root = await import('@faceid-verify/element');",
      "const { defineFaceIdVerify } = await import('@faceid-verify/element/define.js');",
      'defineFaceIdVerify(); defineFaceIdVerify();',
      'console.log(typeof root.FaceIdVerifyElement, typeof globalThis.document);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function undefined');
  });
});

describe('@faceid-verify/element/react (optional @lit/react wrapper)', () => {
  test('exports a React component for <faceid-verify> with typed event props', async () => {
    const { FaceIdVerify } = await import('./react.js');
    const { createElement, isValidElement } = await import('react');
    expect(FaceIdVerify.displayName).toBe('FaceIdVerify');
    expect(isValidElement(createElement(FaceIdVerify, { proxy: '/faceid', onResult: () => {} }))).toBe(true);
  });
});
