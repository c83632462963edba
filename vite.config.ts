// Vitest projects: `node` (proxy, simulator, Node-side element checks) and `browser` (the element and the
// proxy's Web-standard handler in real Chromium). In-repo packages resolve to source via the `source` condition.
import { playwright } from '@vitest/browser-playwright';
import { createServer } from 'node:net';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const launchOptions = chromiumLaunchOptions();

/** A port free right now on 127.0.0.1 (asked of the OS by listening on port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// The element tests' proxy must allow the browser page's origin before the page exists: pin its port.
const browserPort = Number(process.env.VITEST_BROWSER_PORT) || (await freePort());

/** Browser commands run here, in the Vitest process, against the servers packages/element/test/global-setup.ts
 * started (it leaves their controls under this symbol; see packages/element/test/stack.ts). */
function stackCommand(name: string): BrowserCommand<unknown[]> {
  return (_context, ...args) => {
    const control = (globalThis as Record<symbol, Record<string, (...a: unknown[]) => unknown> | undefined>)[
      Symbol.for('faceid-verify.element-test.stack')
    ];
    if (!control) throw new Error('The element test stack is not running (packages/element/test/global-setup.ts).');
    return control[name]!(...args);
  };
}

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        optimizeDeps: {
          // The proxy's and simulator's dependencies too: found mid-run, they make Vite reload a test (cold cache).
          include: [
            'lit',
            '@lit/react',
            'react',
            'react-dom/client',
            'axe-core',
            'hono',
            'hono/body-limit',
            'hono/combine',
            'hono/cors',
            'hono/html',
            'hono/request-id',
            'hono/utils/buffer',
            'hono-rate-limiter',
            'jose/base64url',
            'jose/jwt/sign',
            'valibot',
          ],
        },
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.ts'],
          globalSetup: ['packages/element/test/global-setup.ts'],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions }),
            instances: [{ browser: 'chromium' }],
            api: { port: browserPort, strictPort: true },
            commands: {
              ...Object.fromEntries(
                [
                  'simulatorOutcome',
                  'simulatorFault',
                  'proxyDown',
                  'proxyUp',
                  'hostedPageLanguage',
                  'contractVerdict',
                  'contractUntilOpenWaits',
                  'contractWaitsReceived',
                  'contractExpire',
                  'contractUntilWaitsReceived',
                ].map((name) => [name, stackCommand(name)]),
              ),
              // The page another one opened (tab mode's window) once its URL contains `urlPart`: click its button.
              clickInPopup: (async ({ context, page }, urlPart: string, button: string) => {
                const opened = context.pages().filter((other) => other !== page);
                const arrived = (other: (typeof opened)[number]) =>
                  other.waitForURL((url) => url.href.includes(urlPart), { timeout: 10_000 }).then(() => other);
                const popup = await Promise.any(opened.map(arrived));
                await popup.getByRole('button', { name: button }).click();
              }) satisfies BrowserCommand<[string, string]>,
              grantClipboard: (({ context }) =>
                context.grantPermissions(['clipboard-read', 'clipboard-write'])) satisfies BrowserCommand<[]>,
              emulateColorScheme: (({ page }, scheme: 'light' | 'dark') =>
                page.emulateMedia({ colorScheme: scheme })) satisfies BrowserCommand<['light' | 'dark']>,
              emulateReducedMotion: (({ page }, reduce: boolean) =>
                page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' })) satisfies BrowserCommand<
                [boolean]
              >,
            },
          },
        },
      },
    ],
  },
});
