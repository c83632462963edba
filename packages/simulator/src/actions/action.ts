/** The shape every simulated FaceID action has. */
import type { Params } from '../params.js';
import type { FlowStore } from '../store.js';

/** Regions per action (faceid-api.md §1.2, newest lists). */
export const INTL_REGIONS = ['ap-bangkok', 'ap-hongkong', 'ap-jakarta', 'ap-singapore', 'sa-saopaulo'] as const;
export const WEB_RESULT_REGIONS = ['ap-bangkok', 'ap-jakarta', 'ap-singapore'] as const;
export const LEGACY_REGIONS = ['ap-jakarta', 'ap-singapore'] as const;

export interface ActionContext {
  store: FlowStore;
  /** Simulator clock, ms. */
  now: number;
  /** `X-TC-Region`, already checked against the action's list; null for region-free actions. */
  region: string | null;
  /** Base URL for VerificationURL and media URLs, without a trailing slash. */
  publicUrl: string;
  /** Issue-to-start lifetime of intl BizTokens and SdkTokens, ms. */
  bizTokenTtlMs: number;
}

export interface ActionDefinition {
  /** Accepted `X-TC-Region` values; null = region not required (and ignored). */
  regions: readonly string[] | null;
  /**
   * Answers one call: the `Response` fields without `RequestId`.
   * @throws {SimulatorApiError} for parameter and token errors.
   */
  handle(params: Params, context: ActionContext): object;
}

/** `${publicUrl}/verify?token=<BizToken>`. */
export function verificationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/verify?token=${encodeURIComponent(token)}`;
}
