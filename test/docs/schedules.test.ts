import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { runShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';

const blocks = fencedBlocks('docs/schedules.md');

describe('docs/schedules.md: every example runs as written', () => {
  let cluster: FakeApiServer;
  beforeAll(async () => {
    cluster = await startFakeApiServer({ objects: [fakeObjects.namespace('chaos')] });
  });
  afterAll(() => cluster.close());

  it('has the blocks this test checks, each marked with its role', () => {
    // the image is built and pushed with Docker and a registry: not on a test machine
    expect(tally(blocks)).toEqual({ runs: 1, fragment: 0, synopsis: 0, illustrative: 1 });
    expect(blocksOf(blocks, 'illustrative')[0]!.code).toMatch(/^docker build -t (\S+) \.\ndocker push \1$/);
  });

  it('the schedule commands render, apply, list, delete and stop against the fake API server', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-schedules-docs-'));
    writeFileSync(
      join(cwd, 'experiment.yaml'),
      'title: checkout\ndescription: a schedule\nmethod:\n  - {type: probe, name: up, provider: {type: http, url: "http://127.0.0.1:9"}}\n',
    );
    const [block] = blocksOf(blocks, 'runs', 'bash');
    expect(blockSynopsisProblems(block!.code)).toEqual([]);
    const result = await runShell(block!.code, {
      cwd,
      env: { KUBECONFIG: cluster.writeKubeConfig() },
      timeoutMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const rendered = parseAllDocuments(readFileSync(join(cwd, 'checkout-schedule.yaml'), 'utf8')).map((d) => d.toJS());
    expect(rendered.map((o: { kind: string }) => o.kind)).toContain('CronJob');
    expect(result.stdout).toMatch(/checkout/); // listed while it existed
    // deleted at the end: exactly its objects
    expect(cluster.store.get('batch/cronjobs', 'chaos', 'faultline-checkout')).toBeUndefined();
  }, 90_000);
});
