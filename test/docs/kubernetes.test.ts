import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { runShell } from './start-shell.js';
import { runAgainstCluster } from './run-against-cluster.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';
import { wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/kubernetes.md');
const [method, overrides] = blocksOf(blocks, 'fragment');

describe('docs/kubernetes.md: every example runs as written', () => {
  let cluster: FakeApiServer;
  beforeAll(async () => {
    cluster = await startFakeApiServer({
      objects: [
        fakeObjects.namespace('production'),
        fakeObjects.deployment('my-service', { namespace: 'production', replicas: 3 }),
      ],
      reconcile: { podRecreateDelayMs: 100 },
    });
  });
  afterAll(() => cluster.close());
  const pods = () => cluster.store.list('pods', { namespace: 'production', labelSelector: 'app=my-service' }).items;

  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 0, fragment: 2, synopsis: 1, illustrative: 0 });
  });

  it('the doctor synopsis names options that exist', () => {
    expect(blocksOf(blocks, 'synopsis').flatMap((b) => blockSynopsisProblems(b.code))).toEqual([]);
  });

  it('the terminate_pods method terminates one my-service pod of the fake cluster, and doctor passes for it', async () => {
    await expect.poll(() => pods().length, { timeout: 20_000 }).toBe(3);
    const before = pods().map((pod) => pod.metadata!.name);
    const experiment = wrapFragment(method!.code);
    const { code, stderr, journal } = await runAgainstCluster(cluster, experiment);
    expect(code, stderr).toBe(0);
    expect(journal!.run.map((entry: { status: string }) => entry.status)).toEqual(['succeeded']);
    // one of the three is terminating or gone (the Deployment replaces it)
    const alive = pods()
      .filter((pod) => !pod.metadata!.deletionTimestamp)
      .map((pod) => pod.metadata!.name);
    expect(before.filter((name) => !alive.includes(name))).toHaveLength(1);
    const doctor = await runAgainstCluster(cluster, experiment, 'doctor');
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
  }, 60_000);

  it('the settings and the per-experiment override are accepted together', async () => {
    const [settings, experiment] = overrides!.code.split('\n---\n');
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-kubernetes-docs-'));
    writeFileSync(join(cwd, 'settings.yaml'), settings!);
    writeFileSync(join(cwd, 'experiment.yaml'), stringify(wrapFragment(experiment!)));
    const shown = await runShell('faultline --settings settings.yaml settings --json', { cwd, flags: [] });
    expect(JSON.parse(shown.stdout).settings).toEqual(parse(settings!));
    const result = await runShell('faultline --settings settings.yaml validate experiment.yaml', { cwd, flags: [] });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('the experiment is valid');
  });
});
