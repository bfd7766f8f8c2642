import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as report from '@faultline/report';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, repoRoot, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';

const blocks = fencedBlocks('docs/report.md');

describe('docs/report.md: every example runs as written', () => {
  let cluster: FakeApiServer;
  beforeAll(async () => {
    cluster = await startFakeApiServer({
      objects: [fakeObjects.deployment('payment-service', { namespace: 'default', replicas: 2 })],
      reconcile: { podRecreateDelayMs: 100 },
    });
  });
  afterAll(() => cluster.close());

  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 1, fragment: 0, synopsis: 1, illustrative: 0 });
  });

  it('the API listing names functions @faultline/report exports', () => {
    const code = blocksOf(blocks, 'synopsis')[0]!.code;
    const imported = /import \{([^}]+)\}/
      .exec(code)![1]!
      .split(',')
      .map((name) => name.trim());
    const called = [...code.matchAll(/^(\w+)\(/gm)].map((m) => m[1]!);
    for (const name of [...imported, ...called])
      expect(typeof (report as Record<string, unknown>)[name], name).toBe('function');
  });

  it('the seed pipeline and every format run against the fake API server', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-report-docs-'));
    copyFileSync(
      join(repoRoot, 'examples/kubernetes/pod-termination-experiment.yaml'),
      join(cwd, 'pod-termination-experiment.yaml'),
    );
    const env = { KUBECONFIG: cluster.writeKubeConfig(), GITHUB_STEP_SUMMARY: join(cwd, 'summary.md') };
    // journal.json and runs/ are what earlier runs left (the block reports on them)
    const earlier = await runShell('faultline run pod-termination-experiment.yaml', { cwd, env, flags: [] });
    expect(earlier.code, earlier.stderr).toBe(0);
    mkdirSync(join(cwd, 'runs'));
    copyFileSync(join(cwd, 'journal.json'), join(cwd, 'runs/first.json'));
    const [block] = blocksOf(blocks, 'runs', 'bash');
    expect(blockSynopsisProblems(block!.code)).toEqual([]);
    const result = await runShell(block!.code, { cwd, env, timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'experiment-report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(join(cwd, 'summary.md'), 'utf8')).toContain('Pod Termination Experiment');
    expect(readFileSync(join(cwd, 'chaos-junit.xml'), 'utf8')).toContain('<testsuite');
    expect(readFileSync(join(cwd, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // what jq printed last: the run's impact summary
    const impact = JSON.parse(result.stdout.slice(result.stdout.lastIndexOf('\n{') + 1)) as Record<string, unknown>;
    expect(Object.keys(impact).length).toBeGreaterThan(0);
    expect(cluster.requestsMatching('DELETE', '/api/v1/namespaces/default/pods/')).toHaveLength(2);
  }, 150_000);
});
