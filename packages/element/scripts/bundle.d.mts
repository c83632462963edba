// Types of bundle.mjs, for the TypeScript tests that import it.
export declare const ELEMENT_ENTRY: string;
export declare const LIT_PACKAGES: string[];
export declare const ENTRY_FILE: string;
export declare const DIST_DEFINE: string;
export declare const ELEMENT_BUDGET_BYTES: number;
export declare function minifyTemplates(path: string, source: string): string;
export declare function bundleElement(options?: {
  external?: string[];
  minify?: boolean;
}): Promise<Record<string, Uint8Array>>;
export declare function consumerBundle(options?: {
  fromSource?: boolean;
  external?: string[];
}): Promise<Record<string, Uint8Array>>;
