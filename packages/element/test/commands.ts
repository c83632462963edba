// Types of the browser commands defined in vite.config.ts (they run in the Vitest process, see stack.ts).
import type { StackControl } from './stack.js';

type Command<F> = F extends (...args: infer A) => infer R ? (...args: A) => R : never;

declare module 'vitest/browser' {
  interface BrowserCommands {
    simulatorOutcome: Command<StackControl['simulatorOutcome']>;
    simulatorFault: Command<StackControl['simulatorFault']>;
    proxyDown: Command<StackControl['proxyDown']>;
    proxyUp: Command<StackControl['proxyUp']>;
    hostedPageLanguage: Command<StackControl['hostedPageLanguage']>;
    contractVerdict: Command<StackControl['contractVerdict']>;
    contractUntilOpenWaits: Command<StackControl['contractUntilOpenWaits']>;
    contractWaitsReceived: Command<StackControl['contractWaitsReceived']>;
    contractExpire: Command<StackControl['contractExpire']>;
    contractUntilWaitsReceived: Command<StackControl['contractUntilWaitsReceived']>;
    /** Clicks the button named `button` in the opened page whose URL contains `urlPart` (Playwright). */
    clickInPopup: (urlPart: string, button: string) => Promise<void>;
    /** Grants this test page's browser context clipboard read and write. */
    grantClipboard: () => Promise<void>;
    /** Playwright's `page.emulateMedia({ colorScheme })` for this test file's page. */
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
    /** Playwright's `page.emulateMedia({ reducedMotion })` for this test file's page. */
    emulateReducedMotion: (reduce: boolean) => Promise<void>;
  }
}
