import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import type { CliIo } from '../cli-io.js';
import { registerDoctorCommand } from './doctor.js';

async function runDoctor(args: string[], cwd: string, env: Record<string, string>) {
  let stdout = '';
  let exitCode = 0;
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
      },
    },
    stderr: { write: () => {} },
    env,
    cwd,
    setExitCode: (code) => {
      exitCode = code;
    },
    onSignal: () => () => {},
  };
  const program = new Command().exitOverride();
  registerDoctorCommand(program, io);
  await program.parseAsync(['doctor', ...args], { from: 'user' });
  return { stdout, exitCode };
}

describe('faultline doctor', () => {
  let server: FakeApiServer;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startFakeApiServer({ reconcile: false });
    dir = await mkdtemp(join(tmpdir(), 'faultline-doctor-'));
    env = { KUBECONFIG: server.writeKubeConfig(), HOME: dir };
    await writeFile(
      join(dir, 'zone.yaml'),
      [
        'version: 1.0.0',
        'title: zone',
        'method:',
        '  - type: action',
        '    name: cordon-zone',
        '    provider:',
        '      type: python',
        '      module: chaosk8s.node.actions',
        '      func: cordon_node',
        '      arguments:',
        '        label_selector: "topology.kubernetes.io/zone=us-west-2a"',
        '  - type: action',
        '    name: kill',
        '    provider:',
        '      type: python',
        '      module: chaosk8s.pod.actions',
        '      func: terminate_pods',
        '      arguments:',
        '        label_selector: app=web',
        '        ns: shop',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => server.close());

  it('reports the connection and that every permission of the experiment is granted', async () => {
    server.authorize = () => true;
    const result = await runDoctor(['zone.yaml'], dir, env);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`✓ connected to ${server.url} (kubeconfig, context faultline-fake`);
    expect(result.stdout).toMatch(/✓ 6 of 6 permission\(s\) granted/);
    const reviews = server
      .requestsMatching('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')
      .map(
        (request) => (request.body as { spec: { resourceAttributes: Record<string, string> } }).spec.resourceAttributes,
      );
    expect(reviews).toContainEqual({ verb: 'patch', group: '', resource: 'nodes' });
    expect(reviews).toContainEqual({ verb: 'delete', group: '', resource: 'pods', namespace: 'shop' });
  });

  it('lists each missing verb/resource with the activities that need it, and fails', async () => {
    server.authorize = (attributes) =>
      !(attributes.resource === 'nodes' && attributes.verb === 'patch') &&
      !(attributes.resource === 'pods' && attributes.verb === 'delete');
    const result = await runDoctor(['zone.yaml'], dir, env);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('✗ missing: patch nodes cluster-wide — needed by cordon-zone');
    expect(result.stdout).toContain('✗ missing: delete pods in namespace shop — needed by kill');
    const json = JSON.parse((await runDoctor(['zone.yaml', '--json'], dir, env)).stdout) as {
      ok: boolean;
      permissions: Array<{ allowed: boolean }>;
    };
    expect(json.ok).toBe(false);
    expect(json.permissions.filter((check) => !check.allowed)).toHaveLength(2);
  });

  it('without an experiment checks every built-in activity; an unreachable cluster is reported', async () => {
    server.authorize = () => true;
    const all = await runDoctor(['--namespace', 'shop'], dir, env);
    expect(all.exitCode).toBe(0);
    expect(Number(all.stdout.match(/(\d+) of \1 permission/)?.[1])).toBeGreaterThan(20);
    const down = await runDoctor([], dir, {
      HOME: dir,
      KUBERNETES_HOST: 'http://127.0.0.1:9',
      KUBERNETES_API_KEY: 'x',
    });
    expect(down.exitCode).toBe(2);
    expect(down.stdout).toMatch(/✗ cannot reach the Kubernetes API at http:\/\/127.0.0.1:9/);
  });
});
