// The element↔proxy contract is one module both packages compile against: break it on purpose and the build must
// fail. Each case copies the proxy's core sources into a scratch folder, edits the copy's contract.ts, and runs tsc
// over that copy together with the element's sources (whose `@faceid-verify/proxy/contract` now points at the edited
// copy). The unedited copy must compile: so each failure is the edit's doing.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const proxySrc = fileURLToPath(new URL('.', import.meta.url));
const elementDir = fileURLToPath(new URL('../../element/', import.meta.url));
// Under the repository's node_modules, so the copy resolves hono, valibot and jose as the real sources do.
const cache = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url));
mkdirSync(cache, { recursive: true });
const scratch = mkdtempSync(join(cache, 'contract-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Breakage {
  name: string;
  edit: (contract: string) => string;
  /** Files whose typecheck must now fail (the proxy's are the scratch copies). */
  failing: string[];
}

const BREAKAGES: Breakage[] = [
  {
    name: 'the result field `status` renamed to `state`',
    edit: (c) => c.replace('  status: ResultStatus;', '  state: ResultStatus;'),
    // Both sides: the proxy's normaliser and the element's result check.
    failing: ['proxy/src/app/normalise.ts', 'element/src/verification-flow.ts'],
  },
  {
    name: 'a new result status the element has no heading for',
    edit: (c) =>
      c.replace(
        "['passed', 'failed', 'incomplete', 'expired']",
        "['passed', 'failed', 'incomplete', 'expired', 'pending']",
      ),
    failing: ['element/src/messages/en.ts'],
  },
  {
    name: 'a hosted-page language dropped',
    edit: (c) => c.replace("['en', 'zh-cn', 'zh-tc', 'th', 'id']", "['en', 'zh-cn', 'zh-tc', 'id']"),
    failing: ['element/src/messages/locale.ts'],
  },
];

/** A scratch copy of the proxy's core sources with an edited contract, and a tsconfig over it and the element. */
function project(name: string, edit: (contract: string) => string): string {
  const dir = join(scratch, name);
  const src = join(dir, 'proxy/src');
  cpSync(proxySrc, src, { recursive: true, filter: (path) => !/\.test\.ts$|[\\/]node$/.test(path) });
  const contract = join(src, 'contract.ts');
  const original = readFileSync(contract, 'utf8');
  const edited = edit(original);
  if (name !== 'control' && edited === original) throw new Error(`the edit "${name}" changed nothing`);
  writeFileSync(contract, edited);
  const tsconfig = {
    extends: join(elementDir, '../../tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      composite: false,
      incremental: false,
      declaration: false,
      declarationMap: false,
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: [],
      useDefineForClassFields: true,
      paths: { '@faceid-verify/proxy/contract': [contract] },
    },
    include: [`${src}/**/*.ts`, `${elementDir}src/**/*.ts`, `${elementDir}types/*.d.ts`],
    exclude: [`${elementDir}src/**/*.test.ts`],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  return dir;
}

function typecheck(dir: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

// Concurrent: each case is one tsc process (~8 s of CPU); together they take about the time of two.
describe.concurrent('the element↔proxy contract (contract.ts)', () => {
  it('compiles, unedited, with the element and the proxy core', { timeout: 180_000 }, async () => {
    const result = await typecheck(project('control', (c) => c));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(BREAKAGES)('broken on purpose ($name): the typecheck fails', { timeout: 180_000 }, async (breakage) => {
    const result = await typecheck(project(breakage.name.replace(/\W+/g, '-'), breakage.edit));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/error TS\d+/);
    const files = [...result.output.matchAll(/^(.*?)\(\d+,\d+\): error TS/gm)].map((match) => match[1]);
    for (const file of breakage.failing) expect(files.some((path) => path?.endsWith(file))).toBe(true);
  });
});
