// The base element's weight, measured as a consumer's bundler would (esbuild --minify of the define entry, Lit
// external), built in memory from src/ exactly as the package build emits dist/ (consumerBundle): ≤ 6,144 B
// min+gzip (design.md), with the tab, handoff and non-English code in lazy chunks of their own.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { consumerBundle, ELEMENT_BUDGET_BYTES } from '../scripts/bundle.mjs';

let files: Record<string, Uint8Array>;
const text = (name: string) => new TextDecoder().decode(files[name]);

beforeAll(async () => {
  files = await consumerBundle({ fromSource: true });
});

describe('the base element, as a consumer bundles it', () => {
  test(`is at most ${ELEMENT_BUDGET_BYTES} B min+gzip`, () => {
    const gzip = gzipSync(files.define!, { level: 9 }).byteLength;
    expect(gzip).toBeGreaterThan(1000); // a real bundle was measured
    expect(gzip).toBeLessThanOrEqual(ELEMENT_BUDGET_BYTES);
  });

  test('leaves Lit as an import and loads the handoff, tab and language code lazily', () => {
    const define = text('define');
    expect(define).toMatch(/from"lit"/);
    for (const chunk of ['handoff-view', 'tab-return', 'zh-cn', 'zh-tw', 'th', 'id']) {
      expect(Object.keys(files)).toContain(chunk);
      expect(define).toContain(`import("./${chunk}.js")`);
    }
    expect(define).not.toContain('BroadcastChannel'); // tab-return.ts
    expect(define).not.toContain('adoptedStyleSheets'); // handoff-view.ts
    expect(text('handoff-view')).toContain('[part=qr]'); // its styles came along
  });

  test('its stylesheet is minified (no line breaks or indentation left in the css`` text)', () => {
    const css = /:host\{[^`]*/.exec(text('define'))?.[0] ?? '';
    expect(css).toContain('display:inline-grid');
    expect(css).not.toMatch(/\n| {2}/);
  });
});
