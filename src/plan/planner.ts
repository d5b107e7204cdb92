import type { EpochSource } from './epoch.js';
import { binaryPathOf, makePlan, type Plan, type PlanFacts, type PlanSettings } from './plan.js';
import { checkPlacement, type Setup } from './workspace.js';

/** What the first binary says about itself: its default name and the config's history[].created_by. */
export type Describe = (binary: string) => Promise<{ defaultName: string; createdBy: string }>;

/** The plan, made from the first binary obtained, so that no build waits for a question only a binary answers. */
export interface Planner {
  /** The plan from the first binary that was obtained; every later call returns the same promise. */
  planFrom(binary: string): Promise<Plan>;
  /** The plan, once a binary has been obtained. */
  planned(): Promise<Plan> | undefined;
}

/** A Planner for this run; `runner` holds GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA, when set. */
export function planner(
  settings: PlanSettings,
  setup: Setup,
  {
    describe,
    epoch,
    runner,
  }: {
    describe: Describe;
    epoch: Promise<[number, EpochSource]>;
    /** GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA, when set. */
    runner: Pick<PlanFacts, 'serverUrl' | 'repository' | 'sha'>;
  },
): Planner {
  let planned: Promise<Plan> | undefined;
  const make = async (binary: string): Promise<Plan> => {
    const { defaultName, createdBy } = await describe(binary);
    const binaryName = settings.binaryName ?? defaultName;
    checkPlacement(setup, binaryPathOf(settings, binaryName));
    return makePlan(settings, { binaryName, createdBy, epoch: (await epoch)[0], ...runner });
  };
  return {
    planFrom: (binary) => (planned ??= make(binary)),
    planned: () => planned,
  };
}
