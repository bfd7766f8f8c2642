import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FakeApiServer } from '@faultline/kubernetes/testing';
import type { CliResult } from '../../packages/cli/src/__tests__/cli-harness.js';
import { runShell } from './start-shell.js';

/** `faultline <command> experiment.yaml` against the fake API server (its kubeconfig), in a folder of its own. */
export async function runAgainstCluster(
  cluster: FakeApiServer,
  experiment: unknown,
  command = 'run',
): Promise<CliResult & { journal?: Record<string, any> }> {
  const cwd = mkdtempSync(join(tmpdir(), 'faultline-docs-cluster-'));
  writeFileSync(join(cwd, 'experiment.yaml'), stringify(experiment));
  const result = await runShell(`faultline ${command} experiment.yaml`, {
    cwd,
    env: { KUBECONFIG: cluster.writeKubeConfig() },
    flags: [],
    timeoutMs: 60_000,
  });
  if (command !== 'run') return result;
  return { ...result, journal: JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8')) as Record<string, any> };
}
