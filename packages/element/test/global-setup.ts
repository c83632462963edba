/**
 * Vitest global setup of the `browser` project: starts the real simulator and proxy (stack.ts) with the
 * browser page's origin allowed, hands their URLs to the tests (`inject('faceidStack')`) and their controls to
 * the browser commands of vite.config.ts, and stops them at the end.
 */
import type { TestProject } from 'vitest/node';
import { STACK_CONTROL_KEY, startStack, type StackUrls } from './stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    faceidStack: StackUrls;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = project.config.browser.api.port;
  if (!port) throw new Error('vite.config.ts must pin browser.api.port: the proxy needs the page origin up front');
  const stack = await startStack([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  project.provide('faceidStack', stack.urls);
  (globalThis as Record<symbol, unknown>)[STACK_CONTROL_KEY] = stack.control;
  return async () => {
    delete (globalThis as Record<symbol, unknown>)[STACK_CONTROL_KEY];
    await stack.close();
  };
}
