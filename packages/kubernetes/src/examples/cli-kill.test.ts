import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '../testing/index.js';

// Kill the built CLI in the middle of a method that cordons a zone, taints a region, scales a
// deployment down, partitions it and stresses a node, then check the fake cluster is back to its
// prior state: reverted by the CLI itself on SIGTERM, by `faultline revert <journal>` after SIGKILL.
const cliPath = fileURLToPath(new URL('../../../cli/dist/bin/faultline.js', import.meta.url));

const experiment = `
version: 1.0.0
title: "Everything at once"
description: "Every mutating Kubernetes fault, then a long stress while the run is killed"
method:
  - type: action
    name: cordon-zone
    provider: { type: python, module: chaosk8s.node.actions, func: cordon_node, arguments: { label_selector: "topology.kubernetes.io/zone=us-west-2a" } }
  - type: action
    name: taint-region
    provider: { type: python, module: chaosk8s.node.actions, func: taint_nodes, arguments: { label_selector: "topology.kubernetes.io/region=us-west-2", key: simulated-failure, value: "true", effect: NoExecute } }
  - type: action
    name: scale-down
    provider: { type: python, module: chaosk8s.deployment.actions, func: scale_deployment, arguments: { name: my-service, replicas: 1, ns: production } }
  - type: action
    name: partition
    provider: { type: python, module: chaosk8s.networking.actions, func: deny_all_ingress, arguments: { label_selectors: { app: my-service }, ns: production } }
  - type: action
    name: stress-cpu
    provider: { type: python, module: chaosk8s.node.actions, func: stress_node, arguments: { node_name: worker-1, stressors: ["cpu:4"], duration: 60 } }
`;

interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
let fake: FakeApiServer | undefined;
let child: ChildProcess | undefined;

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npx tsc -b packages/cli\` before this test`);
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
});

function startCli(args: string[], cwd: string, kubeconfig: string): { process: ChildProcess; exit: Promise<Exit> } {
  const proc = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, KUBECONFIG: kubeconfig, HOME: cwd, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (data) => (stdout += data));
  proc.stderr!.on('data', (data) => (stderr += data));
  return { process: proc, exit: new Promise<Exit>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))) };
}

/** What the faults touch, as comparable JSON. */
function state(cluster: FakeApiServer): unknown {
  return {
    nodes: cluster.store.list('nodes').items.map((node) => [node.metadata!.name, node['spec']]),
    replicas: (cluster.store.get('apps/deployments', 'production', 'my-service')!['spec'] as { replicas: number }).replicas,
    policies: cluster.store.list('networking.k8s.io/networkpolicies').items.map((policy) => policy.metadata!.name),
    stressPods: cluster.store.list('pods', { labelSelector: 'app.kubernetes.io/managed-by=faultline' }).items.map((pod) => pod.metadata!.name),
  };
}

async function setUp(): Promise<{ cwd: string; kubeconfig: string; cluster: FakeApiServer; before: unknown }> {
  const cluster = (fake = await startFakeApiServer({
    reconcile: { podRecreateDelayMs: 50 },
    objects: [
      fakeObjects.node('worker-1', { labels: { 'topology.kubernetes.io/zone': 'us-west-2a', 'topology.kubernetes.io/region': 'us-west-2' } }),
      fakeObjects.node('worker-2', { labels: { 'topology.kubernetes.io/zone': 'us-west-2b', 'topology.kubernetes.io/region': 'us-west-2' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
      fakeObjects.node('worker-3', { labels: { 'topology.kubernetes.io/zone': 'us-west-2a', 'topology.kubernetes.io/region': 'us-west-2' }, unschedulable: true }),
      fakeObjects.deployment('my-service', { namespace: 'production', replicas: 3 }),
    ],
  }));
  const cwd = mkdtempSync(join(tmpdir(), 'faultline-k8s-kill-'));
  writeFileSync(join(cwd, 'experiment.yaml'), experiment);
  return { cwd, kubeconfig: cluster.writeKubeConfig(), cluster, before: structuredClone(state(cluster)) };
}

async function waitForStress(cluster: FakeApiServer, exit: Promise<Exit>): Promise<void> {
  let ended: Exit | undefined;
  void exit.then((result) => (ended = result));
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline && !ended) {
    if (cluster.store.list('pods', { labelSelector: 'faultline.io/fault=stress-node' }).items.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the stress pod never appeared: ${JSON.stringify(ended ?? 'timeout')}`);
}

describe('killing `faultline run` in the middle of the Kubernetes faults', () => {
  it('SIGTERM: the CLI reverts every fault before exiting', async () => {
    const { cwd, kubeconfig, cluster, before } = await setUp();
    const run = startCli(['run', 'experiment.yaml', '--journal-path', 'journal.json'], cwd, kubeconfig);
    child = run.process;
    await waitForStress(cluster, run.exit);
    expect(state(cluster)).not.toEqual(before);
    run.process.kill('SIGTERM');
    const result = await run.exit;
    expect(result.code, result.stderr).toBe(4);
    expect(state(cluster)).toEqual(before);
    const journal = JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8')) as { status: string; faultline: { reverts: Array<{ func: string; status: string }> } };
    expect(journal.status).toBe('interrupted');
    // The stress pod goes either way: removed by the interrupted activity itself, or by its revert
    // when the engine no longer waits for the activity (it reverts as soon as the run is aborted).
    const statuses = journal.faultline.reverts.map((revert) => `${revert.func}:${revert.status}`.replace('delete_stress_pod:done-by-activity', 'delete_stress_pod:reverted'));
    expect(statuses.sort()).toEqual([
      'delete_stress_pod:reverted', 'remove_deny_all_ingress:reverted', 'scale_deployment:reverted',
      'uncordon_node:reverted', 'untaint_nodes:reverted', 'untaint_nodes:reverted', 'untaint_nodes:reverted',
    ]);
  }, 90_000);

  it('SIGKILL: the journal written so far lets `faultline revert` restore the cluster', async () => {
    const { cwd, kubeconfig, cluster, before } = await setUp();
    const run = startCli(['run', 'experiment.yaml', '--journal-path', 'journal.json'], cwd, kubeconfig);
    child = run.process;
    await waitForStress(cluster, run.exit);
    run.process.kill('SIGKILL');
    await run.exit;
    const broken = state(cluster) as { replicas: number; policies: string[]; stressPods: string[] };
    expect([broken.replicas, broken.policies, broken.stressPods.length]).toEqual([1, ['chaostoolkit-deny-all-ingress'], 1]);

    const revert = startCli(['revert', 'journal.json'], cwd, kubeconfig);
    child = revert.process;
    const result = await revert.exit;
    expect(result.code, result.stderr).toBe(0);
    expect(state(cluster)).toEqual(before);
  }, 90_000);
});
