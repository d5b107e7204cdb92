import type { Inputs } from '../inputs/inputs.js';
import { askGo, defaultBinaryName, type GoContext } from '../build/go/package.js';
import { goBuildInfoOf } from '../check/inspect.js';
import { binaryPathOf, makePlan, type Plan, type PlanFacts } from './plan.js';
import { checkPlacement, type EpochSource, type Setup } from './workspace.js';

/** The plan, made from the first binary go builds, so that no build waits for `go list`; go is asked only on failure. */
export interface Planner {
  /** The plan from the first binary that built; every later call returns the same promise. */
  planFrom(binary: string): Promise<Plan>;
  /** The plan, once a binary has built. */
  planned(): Promise<Plan> | undefined;
  /** `go env` and `go list`, asked at most once: the InputError a missing go or a bad `package` deserves, else the import path. */
  askGo(): Promise<string>;
}

/** A Planner for this run; `runner` holds GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA, when set. */
export function planner(
  inputs: Inputs,
  setup: Setup,
  go: GoContext,
  epoch: Promise<[number, EpochSource]>,
  runner: Pick<PlanFacts, 'serverUrl' | 'repository' | 'sha'>,
): Planner {
  let asked: Promise<string> | undefined;
  let planned: Promise<Plan> | undefined;
  const ask = () => (asked ??= askGo(inputs, go));
  const make = async (binary: string): Promise<Plan> => {
    // A pattern (./cmd/...) could match other than one command; go says which, whatever go build did with it.
    const pattern = inputs.package.includes('...') ? await ask() : undefined;
    // No Go build info means go wrote a library's archive, and then go explains what is wrong.
    const importPath = pattern ?? goBuildInfoOf(binary)?.path ?? (await ask());
    const binaryName = inputs.binaryName ?? defaultBinaryName(importPath);
    checkPlacement(setup, binaryPathOf(inputs, binaryName));
    return makePlan(inputs, { binaryName, epoch: (await epoch)[0], importPath, ...runner });
  };
  return {
    planFrom: (binary) => (planned ??= make(binary)),
    planned: () => planned,
    askGo: ask,
  };
}
