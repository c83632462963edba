// Types of bundle.mjs, for the TypeScript tests that import it.
export declare const ELEMENT_ENTRY: string;
export declare const LIT_PACKAGES: string[];
export declare function bundleElement(options?: { external?: string[]; minify?: boolean }): Promise<Uint8Array>;
