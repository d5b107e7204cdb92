import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sh, type ActionRun } from './action.js';

/** Extracts one platform's layer of a run's OCI layout on its own: the image root, with nothing from the host. */
export function unpackRoot(run: ActionRun, arch: string, variant?: string): string {
  const layout = join(run.runnerTemp, 'scratchpack', 'oci');
  const blob = (d: string) => join(layout, 'blobs', 'sha256', d.slice(7));
  const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const index = JSON.parse(readFileSync(blob(top.manifests[0].digest), 'utf8'));
  const desc = index.manifests.find(
    (m: { platform: { architecture: string; variant?: string } }) =>
      m.platform.architecture === arch && m.platform.variant === variant,
  );
  const manifest = JSON.parse(readFileSync(blob(desc.digest), 'utf8'));
  const root = mkdtempSync(join(tmpdir(), `scratchpack-root-${arch}${variant ?? ''}-`));
  sh('tar', ['--numeric-owner', '-xzf', blob(manifest.layers[0].digest), '-C', root]);
  return root;
}
