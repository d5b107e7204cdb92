import type { Inputs } from '../inputs/inputs.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import type { ImageArtifact } from '../kernel/oci.js';
import type { Platform } from '../kernel/platform.js';
import type { Plan } from '../plan/plan.js';
import { hostFacts } from '../build/toolchain/cc.js';
import type { Exec } from '../util/exec.js';
import { mapLimit } from '../util/pool.js';
import { which } from '../util/which.js';
import { asRoot, throughSudo, type Privileged } from './privileged.js';
import { testFailure, testImage, type TestOutcome } from './run.js';

/** What the test stage needs from the outside. */
export interface TestDeps {
  env: NodeJS.ProcessEnv;
  exec: Exec;
  concurrency: number;
}

/** One image to run, and what its run found (an outcome, or why it could not run). */
export interface TestRun<T> {
  target: T;
  result: TestOutcome | Diagnostic;
}

/**
 * The test stage: each image's entrypoint runs from the image's own root, confined, natively or under qemu, bounded
 * by the cores; before anything is written to a registry.
 */
export async function testStage<T extends { platform: Platform; image: ImageArtifact }>(
  images: T[],
  { test, args, plan }: { test: NonNullable<Inputs['test']>; args: string[]; plan: Plan },
  deps: TestDeps,
): Promise<Array<TestRun<T>>> {
  const settings = {
    args: test.args.length > 0 ? test.args : args,
    timeoutS: test.timeoutS,
    expect: test.expect,
    ready: test.ready,
    entrypoint: plan.image.entrypoint,
    workingDir: plan.image.workingDir,
    stopSignal: plan.image.stopSignal,
    env: plan.image.env,
    user: plan.image.user,
    hostArch: hostFacts().goarch,
    priv: await privilegeOf(deps),
    env0: deps.env,
  };
  return mapLimit(images, deps.concurrency, async (t) => ({
    target: t,
    result: await testImage(t.platform, t.image, settings),
  }));
}

/** The failures of a test stage, as diagnostics: an image that could not run, or whose run failed. */
export function testFailures(runs: Array<TestRun<unknown>>): Diagnostic[] {
  const results = runs.map((r) => r.result);
  return [
    ...results.filter((r): r is Diagnostic => !('status' in r)),
    ...results.filter((r): r is TestOutcome => 'status' in r && r.status === 'failed').map(testFailure),
  ];
}

/** How the test stage acts as root: it is root, or it has sudo; else it cannot confine a test. */
async function privilegeOf(deps: TestDeps): Promise<Privileged | undefined> {
  if (process.getuid?.() === 0) return asRoot;
  return (await which('sudo', deps.env.PATH)) ? throughSudo(deps.exec) : undefined;
}
