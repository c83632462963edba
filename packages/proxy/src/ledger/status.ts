/**
 * Flow status rules (design.md "The results channel"): `pending` until FaceID gives a verdict, then one of
 * the terminal statuses, which is final. Stores enforce finality with a conditional write
 * (`… WHERE status = 'pending'`), so the first verdict wins on every instance.
 */

/** Every status a flow can have, `pending` first. */
export const FLOW_STATUSES = ['pending', 'passed', 'failed', 'incomplete', 'expired'] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];
export type TerminalStatus = Exclude<FlowStatus, 'pending'>;

/** The webhook event type of each terminal status (Standard Webhooks `type`). */
export const EVENT_TYPES = {
  passed: 'verification.passed',
  failed: 'verification.failed',
  incomplete: 'verification.incomplete',
  expired: 'verification.expired',
} as const satisfies Record<TerminalStatus, `verification.${TerminalStatus}`>;
export type WebhookEventType = (typeof EVENT_TYPES)[TerminalStatus];

export function isTerminal(status: FlowStatus): status is TerminalStatus {
  return status !== 'pending';
}

export function isFlowStatus(value: string): value is FlowStatus {
  return (FLOW_STATUSES as readonly string[]).includes(value);
}

/** Only `pending` may move, and only to a terminal status. */
export function canTransition(from: FlowStatus, to: FlowStatus): boolean {
  return from === 'pending' && isTerminal(to);
}

/**
 * Whether a normalised read is FaceID's verdict. `incomplete` with no ErrorCode means the user has not
 * finished yet (no attempts): the flow stays pending. 1409 (timed out) and 1410 (quit) are verdicts.
 */
export function isVerdict(result: { status: FlowStatus; errorCode: number | null }): boolean {
  return result.status !== 'pending' && !(result.status === 'incomplete' && result.errorCode === null);
}
