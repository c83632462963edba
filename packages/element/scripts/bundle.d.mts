// Types of bundle.mjs, for the TypeScript tests that import it.
export declare const ELEMENT_ENTRY: string;
export declare const LIT_PACKAGES: string[];
export declare const ENTRY_FILE: string;
export declare function minifyTemplates(path: string, source: string): string;
export declare function bundleElement(options?: {
  external?: string[];
  minify?: boolean;
}): Promise<Record<string, Uint8Array>>;
