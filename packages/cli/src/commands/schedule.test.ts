import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { tempDir } from '../__tests__/cli-harness.js';
import type { CliIo } from '../cli-io.js';
import { main } from '../main.js';

const experimentYaml = `# reviewed in the GitOps repository
version: 1.0.0
title: checkout survives losing a pod
description: kill one checkout pod
method:
  - type: action
    name: kill-one
    provider:
      type: python
      module: chaosk8s.pod.actions
      func: terminate_pods
      arguments: { ns: shop, label_selector: app=checkout, qty: 1 }
`;

describe('faultline schedule', () => {
  let server: FakeApiServer;
  let dir: string;

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { HOME: dir, KUBECONFIG: server.writeKubeConfig(), NO_COLOR: '1' },
      cwd: dir,
      setExitCode: () => {},
      onSignal: () => () => {},
    };
    const code = await main(['--no-log-file', ...args], io);
    return { code, stdout, stderr };
  }
  const spec = ['experiment.yaml', '--name', 'checkout', '--cron', '0 10 * * 1-5', '-n', 'chaos'];

  beforeAll(async () => {
    server = await startFakeApiServer({
      reconcile: false,
      objects: [fakeObjects.namespace('chaos'), fakeObjects.namespace('shop')],
    });
    dir = tempDir('faultline-schedule-');
    writeFileSync(join(dir, 'experiment.yaml'), experimentYaml);
  });
  afterAll(async () => {
    await server.close();
  });

  it('render prints the objects as YAML with the experiment kept as written', async () => {
    const requests = server.requests.length;
    const { code, stdout } = await cli(['schedule', 'render', ...spec, '--image', 'registry.example.com/faultline:1']);
    expect(code).toBe(0);
    const documents = parseAllDocuments(stdout).map((doc) => doc.toJSON() as Record<string, any>);
    expect(documents.map((doc) => doc['kind'])).toEqual([
      'ServiceAccount',
      'ConfigMap',
      'Role',
      'RoleBinding',
      'Role',
      'RoleBinding',
      'CronJob',
    ]);
    expect(documents[1]!['data']['experiment.yaml']).toBe(experimentYaml);
    expect(documents[6]!['spec'].jobTemplate.spec.template.spec.containers[0].image).toBe(
      'registry.example.com/faultline:1',
    );
    // Rendering never talks to the cluster.
    expect(server.requests.slice(requests)).toEqual([]);
  });

  it('refuses a bad cron expression and an invalid experiment with exit 64', async () => {
    const cron = await cli(['schedule', 'render', 'experiment.yaml', '--name', 'x', '--cron', 'every day']);
    expect(cron.code).toBe(64);
    expect(cron.stderr).toMatch(/cron/);
    writeFileSync(join(dir, 'broken.yaml'), 'title: no method\n');
    const broken = await cli(['schedule', 'render', 'broken.yaml', '--name', 'x', '--cron', '@daily']);
    expect(broken.code).toBe(64);
  });

  it('apply (twice), list, stop-all, delete', async () => {
    const first = await cli(['schedule', 'apply', ...spec]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created CronJob chaos\/faultline-checkout$/m);
    const second = await cli(['schedule', 'apply', ...spec]);
    expect(
      second.stdout
        .trim()
        .split('\n')
        .every((line) => line.startsWith('unchanged ')),
    ).toBe(true);
    const list = await cli(['schedule', 'list']);
    expect(list.stdout).toMatch(/^chaos\s+checkout\s+0 10 \* \* 1-5\s+idle\s+\d{4}-\d\d-\d\dT\S+\s+-/m);
    // `faultline stop --cluster` is the same button as `schedule stop-all`.
    const stop = await cli(['stop', '--cluster']);
    expect(stop.stdout).toMatch(/suspended CronJob chaos\/faultline-checkout/);
    expect((await cli(['schedule', 'stop-all'])).stdout).toMatch(/suspended CronJob chaos\/faultline-checkout/);
    const json = JSON.parse((await cli(['schedule', 'list', '-n', 'chaos', '--json'])).stdout) as Array<{
      state: string;
    }>;
    expect(json.map((s) => s.state)).toEqual(['suspended']);
    const deleted = await cli(['schedule', 'delete', 'checkout', '-n', 'chaos']);
    expect(deleted.stdout.trim().split('\n')).toHaveLength(7);
    expect((await cli(['schedule', 'list'])).stdout).toBe('no schedules\n');
  });

  it('render --plan keeps the plan and the experiments it names, and grants what all of them need', async () => {
    writeFileSync(
      join(dir, 'gameday.yaml'),
      'title: day\nsteps:\n  - { name: a, experiment: experiment.yaml }\n  - { name: b, experiment: experiment.yaml, progressive: { var: qty, values: [1, 2] } }\n',
    );
    const { code, stdout } = await cli([
      'schedule',
      'render',
      'gameday.yaml',
      '--plan',
      '--name',
      'day',
      '--cron',
      '@daily',
      '-n',
      'chaos',
    ]);
    expect(code).toBe(0);
    const documents = parseAllDocuments(stdout).map((doc) => doc.toJSON() as Record<string, any>);
    const configMap = documents.find((doc) => doc['kind'] === 'ConfigMap')!;
    expect(Object.keys(configMap['data']).sort()).toEqual(['experiment.yaml', 'plan.yaml']);
    const cronJob = documents.find((doc) => doc['kind'] === 'CronJob')!;
    expect(cronJob['spec'].jobTemplate.spec.template.spec.containers[0].args.slice(0, 4)).toEqual([
      'schedule',
      'job',
      '--plan',
      '/etc/faultline/plan.yaml',
    ]);
    expect(
      documents
        .filter((doc) => doc['kind'] === 'Role')
        .map((doc) => doc['metadata'].namespace)
        .sort(),
    ).toEqual(['chaos', 'shop']);
    writeFileSync(join(dir, 'nested.yaml'), 'title: day\nsteps:\n  - { name: a, experiment: ./sub/e.yaml }\n');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'e.yaml'), experimentYaml);
    const nested = await cli(['schedule', 'render', 'nested.yaml', '--plan', '--name', 'day', '--cron', '@daily']);
    expect(nested.code).toBe(64);
    expect(nested.stderr).toMatch(/cannot be a ConfigMap key/);
  });

  it('every subcommand has --help', async () => {
    for (const sub of ['render', 'apply', 'list', 'delete', 'stop-all', 'job']) {
      const { code, stdout } = await cli(['schedule', sub, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Usage: faultline schedule/);
    }
  });
});
