import { epochToRfc3339 } from '../inputs/epoch.js';
import type { Inputs } from '../inputs/inputs.js';
import type { AnnotationLevel } from '../inputs/keyvalue.js';
import type { ImageSettings } from '../kernel/oci.js';

/** The runner facts the plan depends on; a subset of what prepare() gathers. */
export interface PlanFacts {
  binaryName: string;
  epoch: number;
  /** The config's history[].created_by, from the binary source. */
  createdBy: string;
  /** GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, when set. */
  serverUrl?: string | undefined;
  repository?: string | undefined;
  sha?: string | undefined;
}

/** The runner facts a plan records, from the job's environment (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA). */
export function runnerFacts(
  env: Record<string, string | undefined>,
): Pick<PlanFacts, 'serverUrl' | 'repository' | 'sha'> {
  return { serverUrl: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, sha: env.GITHUB_SHA };
}

/** The inputs the plan is made from. */
export type PlanSettings = Pick<
  Inputs,
  | 'binaryName'
  | 'binaryPath'
  | 'tags'
  | 'user'
  | 'args'
  | 'labels'
  | 'annotations'
  | 'expose'
  | 'workdir'
  | 'stopSignal'
>;

/** Everything the assemble stage needs to turn binaries into images, decided once, from the inputs and the first binary. */
export interface Plan {
  binaryName: string;
  binaryPath: string;
  created: string;
  /** Image settings except the platform, shared by every target. */
  image: Omit<ImageSettings, 'platform'>;
  indexAnnotations: Record<string, string>;
  manifestDescriptorAnnotations: Record<string, string>;
}

/** The PATH every image gets, as in Debian and distroless. */
export const IMAGE_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function annotationsAt(inputs: Pick<Inputs, 'annotations'>, level: AnnotationLevel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of inputs.annotations) if (a.levels.includes(level)) out[a.key] = a.value;
  return out;
}

/** Where the binary goes in the image: the `binary-path` input, else /usr/local/bin/<name>. */
export function binaryPathOf(inputs: Pick<Inputs, 'binaryPath'>, binaryName: string): string {
  return inputs.binaryPath ?? `/usr/local/bin/${binaryName}`;
}

/**
 * The layout's index.json descriptor annotations: the first tag as buildx and containerd name it, then the
 * index-descriptor annotations; known from the inputs alone.
 */
export function layoutAnnotationsOf(inputs: Pick<Inputs, 'tags' | 'annotations'>): Record<string, string> {
  const first = inputs.tags.at(0);
  // With no tags, the index is still named (`latest`): index.json also lists the attached documents, so a reader
  // needs a ref to pick the image (skopeo: "more than one image in oci, choose an image").
  const named: Record<string, string> = first
    ? { 'io.containerd.image.name': first.full, 'org.opencontainers.image.ref.name': first.tag as string }
    : { 'org.opencontainers.image.ref.name': 'latest' };
  return { ...named, ...annotationsAt(inputs, 'index-descriptor') };
}

/**
 * GHCR's package page reads the description, source and licenses from the index's annotations
 * (https://docs.github.com/en/packages/working-with-a-github-packages-registry/working-with-the-container-registry#labelling-container-images):
 * labels that give them (docker/metadata-action's do) go on the index too, unless `annotations` says otherwise.
 */
const PACKAGE_PAGE = ['description', 'source', 'licenses'].map((k) => `org.opencontainers.image.${k}`);
const packagePage = (labels: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).filter(([k]) => PACKAGE_PAGE.includes(k)));

/** Derives image settings and annotations from inputs and facts; pure, so it is tested without a runner. */
export function makePlan(inputs: PlanSettings, facts: PlanFacts): Plan {
  const binaryPath = binaryPathOf(inputs, facts.binaryName);
  const created = epochToRfc3339(facts.epoch);
  const defaults: Record<string, string> = { 'org.opencontainers.image.created': created };
  if (facts.serverUrl && facts.repository)
    defaults['org.opencontainers.image.source'] = `${facts.serverUrl}/${facts.repository}`;
  if (facts.sha) defaults['org.opencontainers.image.revision'] = facts.sha;
  return {
    binaryName: facts.binaryName,
    binaryPath,
    created,
    image: {
      created,
      user: inputs.user,
      entrypoint: [binaryPath],
      cmd: inputs.args,
      env: [IMAGE_PATH],
      labels: inputs.labels,
      createdBy: facts.createdBy,
      manifestAnnotations: { ...defaults, ...annotationsAt(inputs, 'manifest') },
      exposedPorts: inputs.expose,
      workingDir: inputs.workdir,
      stopSignal: inputs.stopSignal,
    },
    indexAnnotations: { ...defaults, ...packagePage(inputs.labels), ...annotationsAt(inputs, 'index') },
    manifestDescriptorAnnotations: annotationsAt(inputs, 'manifest-descriptor'),
  };
}
