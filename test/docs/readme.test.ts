import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { runShell, startShell } from './start-shell.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { blockSynopsisProblems } from './synopsis-problems.js';

const blocks = fencedBlocks('README.md');

describe('README.md: every example runs as written', () => {
  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 1, fragment: 0, synopsis: 2, illustrative: 0 });
  });

  it('the quick start and development commands exist (commands, options, npm scripts, files)', () => {
    // npm ci and npm test build and test this workspace: the suite cannot run itself
    expect(blocks.flatMap((b) => blockSynopsisProblems(b.code))).toEqual([]);
  });

  describe('Usage: each command, in order, in a folder of its own', () => {
    let cluster: FakeApiServer;
    const service = createServer((_req, res) => res.end('ok'));
    beforeAll(async () => {
      await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
      cluster = await startFakeApiServer({ objects: [fakeObjects.namespace('chaos')] });
    });
    afterAll(async () => {
      await new Promise((resolve) => service.close(resolve));
      await cluster.close();
    });

    it('every command succeeds against a local service and the fake API server', async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'faultline-readme-'));
      const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
      writeFileSync(
        join(cwd, 'experiment.yaml'),
        `title: orders answer\ndescription: the README's experiment\nsteady-state-hypothesis:\n  title: up\n  probes:\n    - {type: probe, name: up, tolerance: 200, provider: {type: http, url: "${url}"}}\nmethod:\n  - {type: action, name: poke, provider: {type: http, url: "${url}"}}\n`,
      );
      writeFileSync(
        join(cwd, 'gameday.yaml'),
        'title: README game day\nsteps:\n  - name: orders\n    experiment: experiment.yaml\n',
      );
      const env = { KUBECONFIG: cluster.writeKubeConfig(), FAULTLINE_STORE: join(cwd, 'runs.sqlite') };
      const lines = blocksOf(blocks, 'runs', 'bash')[0]!.code.split('\n');
      expect(lines.length).toBe(15);
      const failures: string[] = [];
      for (const line of lines) {
        const command = line.replace(/\s+#.*$/, '');
        if (command.startsWith('faultline serve')) {
          // the dashboard runs until SIGTERM; on a free port (8080 may be taken on this machine)
          const serving = startShell(`exec ${command} --port 0`, { cwd, env, flags: [] });
          await expect.poll(serving.output, { timeout: 20_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
          process.kill(serving.pid, 'SIGTERM');
          const result = await serving.done;
          if (result.code !== 0) failures.push(`${command}: exit ${result.code} ${result.stderr}`);
          continue;
        }
        const result = await runShell(command, { cwd, env, flags: [], timeoutMs: 60_000 });
        if (result.code !== 0) failures.push(`${command}: exit ${result.code} ${result.stderr}`);
      }
      expect(failures).toEqual([]);
      // what the commands left: a journal, its report, the schema, the CronJob
      expect(JSON.parse(readFileSync(join(cwd, 'results.json'), 'utf8'))).toMatchObject({ status: 'completed' });
      expect(readFileSync(join(cwd, 'report.html'), 'utf8')).toContain('orders answer');
      expect(JSON.parse(readFileSync(join(cwd, 'experiment.schema.json'), 'utf8'))).toHaveProperty('properties');
      expect(cluster.store.get('batch/cronjobs', 'chaos', 'faultline-checkout')?.spec).toMatchObject({
        schedule: '0 10 * * 1-5',
      });
    }, 120_000);
  });
});
