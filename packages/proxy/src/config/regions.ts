/**
 * Where each web flow can complete: the `X-TC-Region` values each of its actions accepts (faceid-api.md §1.2,
 * the simulator's action table). A flow works in a region only if every one of its actions does.
 */
import type { Flow } from '../app/binding.js';
import type { FaceIdAction } from '../client/actions.js';

const FIVE = ['ap-bangkok', 'ap-hongkong', 'ap-jakarta', 'ap-singapore', 'sa-saopaulo'] as const;

/** Regions each web-flow action accepts. */
export const ACTION_REGIONS = {
  ApplyWebVerificationBizTokenIntl: FIVE,
  // The 2025-01 page: no ap-hongkong, no sa-saopaulo.
  GetWebVerificationResultIntl: ['ap-bangkok', 'ap-jakarta', 'ap-singapore'],
  ApplyWebVerificationToken: ['ap-jakarta', 'ap-singapore'],
  GetWebVerificationResult: ['ap-jakarta', 'ap-singapore'],
} as const satisfies Partial<Record<FaceIdAction, readonly string[]>>;

type WebAction = keyof typeof ACTION_REGIONS;

/** The actions of each flow: its session start and its result read. */
export const FLOW_ACTIONS = {
  intl: ['ApplyWebVerificationBizTokenIntl', 'GetWebVerificationResultIntl'],
  legacy: ['ApplyWebVerificationToken', 'GetWebVerificationResult'],
} as const satisfies Record<Flow, readonly WebAction[]>;

export const FLOWS = Object.keys(FLOW_ACTIONS) as Flow[];

function regionsOf(flow: Flow): readonly string[] {
  const [first, ...rest] = FLOW_ACTIONS[flow].map((action): readonly string[] => ACTION_REGIONS[action]);
  return (first ?? []).filter((region) => rest.every((regions) => regions.includes(region)));
}

/** Regions in which each flow completes (every action of the flow accepts them). */
export const FLOW_REGIONS: Readonly<Record<Flow, readonly string[]>> = {
  intl: regionsOf('intl'),
  legacy: regionsOf('legacy'),
};

/** The first action of `flow` that refuses `region`, or undefined when the flow completes there. */
export function actionRefusing(flow: Flow, region: string): WebAction | undefined {
  return FLOW_ACTIONS[flow].find((action) => !(ACTION_REGIONS[action] as readonly string[]).includes(region));
}
