// The READMEs' option and variable tables against the code: the variables of the one table (and the listener's),
// and the option names of the one schema. A row added in code and not in the README (or the reverse) fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_VARIABLES } from '../node/env.js';
import { OPTION_NAMES } from './options.js';

const readme = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const ROOT = readme('../../../../README.md');
const PACKAGE = readme('../../README.md');

/** The backticked names in the first cell of the rows of the table whose header starts with `header`. */
function firstColumn(markdown: string, header: string): string[] {
  const start = markdown.indexOf(`\n| ${header} |`);
  expect(start).toBeGreaterThan(0);
  const rows =
    markdown
      .slice(start + 1)
      .split('\n\n')[0]
      ?.split('\n')
      .slice(2) ?? [];
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''));
}

const variables = CLI_VARIABLES.map((row) => row.variable).sort();

describe('the README tables match the code', () => {
  it('root README: every variable faceid-proxy reads, and no other', () => {
    expect(firstColumn(ROOT, 'variable').sort()).toEqual(variables);
  });

  it('package README: every variable, each with the option it sets', () => {
    expect(firstColumn(PACKAGE, 'variable').sort()).toEqual(variables);
    for (const { variable, option } of CLI_VARIABLES) expect(PACKAGE).toContain(`| \`${variable}\` | \`${option}\` |`);
  });

  it('package README: every createFaceIdProxy option, and no other', () => {
    const start = PACKAGE.indexOf('## `createFaceIdProxy(options)`');
    expect(firstColumn(PACKAGE.slice(start), 'option').sort()).toEqual([...OPTION_NAMES].sort());
  });
});
