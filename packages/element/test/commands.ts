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
    /** Playwright's `page.emulateMedia({ reducedMotion })` for this test file's page. */
    emulateReducedMotion: (reduce: boolean) => Promise<void>;
  }
}
