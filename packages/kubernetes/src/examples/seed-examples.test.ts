import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ActivityResolver, runExperiment, silentLogger, type DriverEntry, type Experiment, type Journal, type PendingRevert } from '@faultline/core';
import { findSystemBinary, until } from '@faultline/core/testing';
import { fakeObjects, startFakeApiServer, type FakeApiServer, type KubeObject } from '../testing/index.js';
import { driver } from '../activities/index.js';

// The seed's Kubernetes experiments (examples/kubernetes/*.yaml) run unchanged by the engine
// against the fake API server. Only http steady-state probes are pointed at a local server.
const examplesDir = fileURLToPath(new URL('../../../../examples/kubernetes/', import.meta.url));
const driverEntry: DriverEntry = { name: '@faultline/kubernetes', pythonPrefixes: ['chaosk8s', 'chaosistio'], load: async () => driver };

let app: Server;
let appUrl: string;
let fake: FakeApiServer | undefined;
const previousKubeconfig = process.env['KUBECONFIG'];

beforeAll(async () => {
  app = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/health`;
});
afterAll(async () => { await new Promise((resolve) => app.close(resolve)); });
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (previousKubeconfig === undefined) delete process.env['KUBECONFIG'];
  else process.env['KUBECONFIG'] = previousKubeconfig;
});

async function cluster(objects: KubeObject[], podRecreateDelayMs = 100): Promise<FakeApiServer> {
  fake = await startFakeApiServer({ objects, reconcile: { podRecreateDelayMs } });
  process.env['KUBECONFIG'] = fake.writeKubeConfig();
  return fake;
}

function example(file: string): Experiment {
  const experiment = parse(readFileSync(`${examplesDir}${file}`, 'utf8')) as Experiment & { 'steady-state-hypothesis'?: { probes?: Array<{ provider: { type: string; url?: string } }> } };
  for (const probe of experiment['steady-state-hypothesis']?.probes ?? []) if (probe.provider.type === 'http') probe.provider.url = appUrl;
  return experiment;
}

const run = (experiment: Experiment, settings: Record<string, unknown> = {}) => runExperiment({ experiment, baseDir: examplesDir, resolver: new ActivityResolver([driverEntry]), dry: 'pause', logger: silentLogger, settings });
const reverts = (journal: Journal) => (journal.faultline?.reverts ?? []) as PendingRevert[];
const podsOf = (server: FakeApiServer, ns: string, app: string) => server.store.list('pods', { namespace: ns, labelSelector: `app=${app}` }).items.map((pod) => pod.metadata!.name!);

describe('the seed Kubernetes experiments, run by the engine against the fake cluster', () => {
  it('pod-resilience: one random my-service pod terminated, rollback scales to 3, the pod comes back', async () => {
    const server = await cluster([fakeObjects.deployment('my-service', { namespace: 'production', replicas: 3 })]);
    await until(() => podsOf(server, 'production', 'my-service').length === 3);
    const before = podsOf(server, 'production', 'my-service');
    const journal = await run(example('pod-resilience-experiment.yaml'));
    expect(journal.status).toBe('completed');
    expect(journal.run.map((entry) => [entry.activity.name, entry.status])).toEqual([['terminate-app-pod', 'succeeded']]);
    expect(journal.rollbacks.map((entry) => [entry.activity.name, entry.status])).toEqual([['deploy-original-replicas', 'succeeded']]);
    const killed = (journal.run[0]!.output as { pods: string[] }).pods;
    expect(killed).toHaveLength(1);
    expect(before).toContain(killed[0]);
    expect(server.requestsMatching('DELETE', '/api/v1/namespaces/production/pods/').map((request) => request.path)).toEqual([`/api/v1/namespaces/production/pods/${killed[0]}`]);
    expect(server.requestsMatching('PATCH', '/apis/apps/v1/namespaces/production/deployments/my-service/scale')[0]!.body).toEqual({ spec: { replicas: 3 } });
    // A rollback's effect stays: it registers no revert.
    expect(reverts(journal)).toEqual([]);
    // The killed pod stays Terminating for its grace period, then only its replacement remains.
    await until(() => {
      const pods = podsOf(server, 'production', 'my-service');
      return pods.length === 3 && !pods.includes(killed[0]!);
    });
  });

  it('pod-termination: one payment-service pod in default', async () => {
    const server = await cluster([fakeObjects.deployment('payment-service', { namespace: 'default', replicas: 2 })]);
    await until(() => podsOf(server, 'default', 'payment-service').length === 2);
    const journal = await run(example('pod-termination-experiment.yaml'));
    expect(journal.status).toBe('completed');
    expect(server.requestsMatching('DELETE', '/api/v1/namespaces/default/pods/')).toHaveLength(1);
    expect(server.requestsMatching('GET', '/api/v1/namespaces/default/pods')[0]!.query['labelSelector']).toBe('app=payment-service');
  });

  it('pod-failure (Phase 2): both pods terminated, hypothesis holds before and after', async () => {
    const server = await cluster([fakeObjects.deployment('product-catalog', { namespace: 'ecommerce', replicas: 2 }), fakeObjects.deployment('inventory', { namespace: 'ecommerce', replicas: 2 })]);
    await until(() => podsOf(server, 'ecommerce', 'product-catalog').length === 2 && podsOf(server, 'ecommerce', 'inventory').length === 2);
    const journal = await run(example('pod-failure-experiment.yaml'));
    expect(journal.status).toBe('completed');
    expect(journal.steady_states.before?.steady_state_met).toBe(true);
    expect(journal.steady_states.after?.steady_state_met).toBe(true);
    expect(server.requestsMatching('DELETE', '/api/v1/namespaces/ecommerce/pods/').map((request) => request.path.split('/').pop()!.replace(/-[a-z0-9]+-[a-z0-9]+$/, ''))).toEqual(['product-catalog', 'inventory']);
  });

  it('cpu-stress: a stress-ng pod pinned to worker-1 for the duration, then deleted', async () => {
    const server = await cluster([fakeObjects.node('worker-1'), fakeObjects.node('worker-2')]);
    const experiment = example('cpu-stress-experiment.yaml');
    // The seed stresses for 60 s; the engine test shortens only the wait, not the document's intent.
    (experiment.method![0] as { provider: { arguments: Record<string, unknown> } }).provider.arguments['duration'] = 1;
    const journal = await run(experiment, { kubernetes: { stress_image: 'registry.local/stress-ng:1' } });
    expect(journal.status).toBe('completed');
    const create = server.requestsMatching('POST', '/api/v1/namespaces/default/pods')[0]!.body as { spec: { nodeName: string; containers: Array<{ image: string; args: string[] }> } };
    expect(create.spec.nodeName).toBe('worker-1');
    expect(create.spec.containers[0]).toMatchObject({ image: 'registry.local/stress-ng:1', args: ['--cpu', '4', '--timeout', '1s', '--metrics-brief'] });
    expect(server.store.list('pods', { labelSelector: 'faultline.io/fault=stress-node' }).items).toEqual([]);
    expect(reverts(journal).map((revert) => [revert.func, revert.status])).toEqual([['delete_stress_pod', 'done-by-activity']]);
  });

  it('zone-outage: the zone is cordoned during the run and uncordoned by the revert at the end', async () => {
    const server = await cluster([
      fakeObjects.node('a-1', { labels: { 'topology.kubernetes.io/zone': 'us-west-2a' } }),
      fakeObjects.node('a-2', { labels: { 'topology.kubernetes.io/zone': 'us-west-2a' } }),
      fakeObjects.node('b-1', { labels: { 'topology.kubernetes.io/zone': 'us-west-2b' } }),
    ]);
    const journal = await run(example('zone-outage-experiment.yaml'));
    expect(journal.status).toBe('completed');
    expect((journal.run[0]!.output as { changed: string[] }).changed).toEqual(['a-1', 'a-2']);
    // Cordons run concurrently: compare as sets, in phase order (all cordons before any uncordon).
    const patches = server.requestsMatching('PATCH', '/api/v1/nodes/').map((request) => `${request.path} ${JSON.stringify(request.body)}`);
    expect(patches.slice(0, 2).sort()).toEqual(['/api/v1/nodes/a-1 {"spec":{"unschedulable":true}}', '/api/v1/nodes/a-2 {"spec":{"unschedulable":true}}']);
    expect(patches.slice(2).sort()).toEqual(['/api/v1/nodes/a-1 {"spec":{"unschedulable":null}}', '/api/v1/nodes/a-2 {"spec":{"unschedulable":null}}']);
    expect(reverts(journal).map((revert) => [revert.func, revert.arguments, revert.status])).toEqual([['uncordon_node', { name: 'a-1', _faultline_revert: true }, 'reverted'], ['uncordon_node', { name: 'a-2', _faultline_revert: true }, 'reverted']]);
    for (const name of ['a-1', 'a-2', 'b-1']) expect((server.store.get('nodes', undefined, name)!['spec'] as { unschedulable?: boolean }).unschedulable).toBeUndefined();
    // kubectl describe node a-1 shows the fault and its revert, both with the run id.
    const nodeEvents = server.store.list('events', { namespace: 'default' }).items.map((event) => `${(event['involvedObject'] as { name: string }).name} ${String(event['reason'])}`).sort();
    expect(nodeEvents).toEqual(['a-1 FaultInjected', 'a-1 FaultReverted', 'a-2 FaultInjected', 'a-2 FaultReverted']);
  });

  it('region-failover: the seed kubectl process activities cordon and taint the region, the rollbacks undo it', async () => {
    if (!findSystemBinary('kubectl')) return;
    const server = await cluster([
      fakeObjects.node('west-1', { labels: { 'topology.kubernetes.io/region': 'us-west-2' } }),
      fakeObjects.node('east-1', { labels: { 'topology.kubernetes.io/region': 'us-east-1' } }),
    ]);
    const seen: string[] = [];
    server.onRequest = (request) => {
      if (request.method === 'PATCH') seen.push(`${request.path} ${JSON.stringify(request.body)}`);
    };
    const journal = await run(example('region-failover-experiment.yaml'));
    expect(journal.run.map((entry) => [entry.activity.name, entry.status])).toEqual([['simulate-region-failure', 'succeeded'], ['taint-nodes', 'succeeded']]);
    expect(journal.status).toBe('completed');
    expect(seen.slice(0, 2)).toEqual([
      '/api/v1/nodes/west-1 {"spec":{"unschedulable":true}}',
      '/api/v1/nodes/west-1 {"spec":{"taints":[{"effect":"NoExecute","key":"simulated-failure","value":"true"}]}}',
    ]);
    expect(journal.rollbacks.map((entry) => entry.status)).toEqual(['succeeded', 'succeeded']);
    expect(server.store.get('nodes', undefined, 'west-1')!['spec']).toEqual({});
    expect(server.store.get('nodes', undefined, 'east-1')!['spec']).toEqual({});
  });
});
