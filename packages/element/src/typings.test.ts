// The published typings (dist/*.d.ts + types/frameworks.d.ts), compiled as consumers would: a React 19 + Vue 3
// project using <faceid-verify> without wrappers, and a project with neither, with `skipLibCheck: false`.
// Needs dist/ (built by `tsc -b`, which `npm test` runs first).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;

function compile(project: string) {
  const run = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** Where `name` is installed (its package.json may not be exported, so resolve the folder, not a file). */
function packageDir(name: string): string {
  const dir = require.resolve.paths(name)?.find((base) => existsSync(join(base, name, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed`);
  return join(dir, name);
}

/** A consumer project outside the monorepo: only this package and Lit (with its dependencies) in node_modules. */
function isolatedConsumer(fixture: string): string {
  const root = mkdtempSync(join(tmpdir(), 'faceid-element-consumer-'));
  cpSync(join(fixtures, fixture), root, { recursive: true });
  const packages = {
    '@faceid-verify/element': new URL('..', import.meta.url).pathname,
    ...Object.fromEntries(
      ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@types/trusted-types'].map((name) => [
        name,
        packageDir(name),
      ]),
    ),
  };
  for (const [name, target] of Object.entries(packages)) {
    const link = join(root, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  return root;
}

describe('typings for frameworks', () => {
  test('define.d.ts brings the React/Vue typings along', () => {
    const define = readFileSync(new URL('../dist/define.d.ts', import.meta.url), 'utf8');
    expect(define).toContain('/// <reference path="../types/frameworks.d.ts" preserve="true" />');
  });

  test('React 19 JSX and Vue templates type <faceid-verify>: attributes, required proxy, typed event details', () => {
    expect(compile(join(fixtures, 'react-consumer'))).toEqual({ status: 0, output: '' });
  }, 90_000);

  test('a project without React or Vue compiles cleanly, library checks on', () => {
    const root = isolatedConsumer('plain-consumer');
    try {
      expect(compile(root)).toEqual({ status: 0, output: '' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 90_000);
});
