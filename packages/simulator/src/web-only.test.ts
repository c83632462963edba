/** Everything reachable from the package root must bundle for a browser: no node:* module, no Buffer. */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('@faceid-verify/simulator root entry', () => {
  it('bundles for the browser platform without Node built-ins', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      conditions: ['source'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.endsWith('simulator/src/app.ts'))).toBe(true);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/\bBuffer\.|from ["']node:/);
  });
});
