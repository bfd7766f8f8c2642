import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { cordonNode } from './cordon-node.js';
import { uncordonNode } from './uncordon-node.js';
import { taintNodes } from './taint-nodes.js';
import { untaintNodes } from './untaint-nodes.js';
import { drainNodes } from './drain-nodes.js';
import { getNodes } from './get-nodes.js';
import { allNodesMustBeReadyToSchedule } from './all-nodes-must-be-ready-to-schedule.js';

const { server, context } = await kubeTestCluster({ reconcile: { podRecreateDelayMs: 50 } });
afterAll(() => server.close());

const node = (name: string) =>
  server.store.get('nodes', undefined, name)! as {
    spec: { unschedulable?: boolean; taints?: Array<{ key: string; value?: string; effect: string }> };
  };

beforeEach(() => {
  for (const item of server.store.list('nodes').items) server.store.delete('nodes', undefined, item.metadata!.name!);
  for (const [name, zone] of [
    ['worker-1', 'us-west-2a'],
    ['worker-2', 'us-west-2a'],
    ['worker-3', 'us-west-2b'],
  ] as const) {
    server.store.put(
      fakeObjects.node(name, {
        labels: { 'topology.kubernetes.io/zone': zone, 'topology.kubernetes.io/region': 'us-west-2' },
      }),
    );
  }
  server.requests.length = 0;
});

describe('nodes', () => {
  it('cordon_node by zone label cordons the zone, registering one uncordon per node changed', async () => {
    server.store.update('nodes', undefined, 'worker-2', (item) => {
      (item['spec'] as Record<string, unknown>)['unschedulable'] = true;
    });
    const ctx = context();
    const result = (await cordonNode.run(
      cordonNode.arguments.parse({ label_selector: 'topology.kubernetes.io/zone=us-west-2a' }),
      ctx,
    )) as { nodes: string[]; changed: string[] };
    expect(result.nodes).toEqual(['worker-1', 'worker-2']);
    expect(result.changed).toEqual(['worker-1']);
    expect([
      node('worker-1').spec.unschedulable,
      node('worker-2').spec.unschedulable,
      node('worker-3').spec.unschedulable,
    ]).toEqual([true, true, undefined]);
    // worker-2 was cordoned before the experiment: its revert would wrongly uncordon it.
    expect(ctx.reverts.map((revert) => [revert.func, revert.arguments])).toEqual([
      ['uncordon_node', { name: 'worker-1', _faultline_revert: true }],
    ]);
    expect(server.requestsMatching('GET', '/api/v1/nodes')[0]!.query['labelSelector']).toBe(
      'topology.kubernetes.io/zone=us-west-2a',
    );
    for (const revert of ctx.reverts) await uncordonNode.run(uncordonNode.arguments.parse(revert.arguments), context());
    expect([node('worker-1').spec.unschedulable, node('worker-2').spec.unschedulable]).toEqual([undefined, true]);
    expect(
      server.store
        .list('events', { namespace: 'default' })
        .items.some((event) => (event['involvedObject'] as { name: string }).name === 'worker-1'),
    ).toBe(true);
  });

  it('cordon_node fails when nothing matches, and changes nothing in dry-run', async () => {
    await expect(
      cordonNode.run(cordonNode.arguments.parse({ label_selector: 'topology.kubernetes.io/zone=mars' }), context()),
    ).rejects.toThrow(/failed to find a node/);
    const ctx = context({ dryRun: true });
    const result = await cordonNode.run(cordonNode.arguments.parse({ name: 'worker-3' }), ctx);
    expect(result).toMatchObject({ dryRun: true, changed: ['worker-3'] });
    expect(node('worker-3').spec.unschedulable).toBeUndefined();
    expect(ctx.reverts).toEqual([]);
  });

  it('taint_nodes adds the taint with a revert; untaint_nodes removes only that taint', async () => {
    server.store.update('nodes', undefined, 'worker-1', (item) => {
      (item['spec'] as Record<string, unknown>)['taints'] = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }];
    });
    const ctx = context();
    await taintNodes.run(
      taintNodes.arguments.parse({
        label_selector: 'topology.kubernetes.io/region=us-west-2',
        key: 'simulated-failure',
        value: 'true',
        effect: 'NoExecute',
      }),
      ctx,
    );
    expect(node('worker-1').spec.taints).toEqual([
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'simulated-failure', value: 'true', effect: 'NoExecute' },
    ]);
    expect(node('worker-3').spec.taints).toEqual([{ key: 'simulated-failure', value: 'true', effect: 'NoExecute' }]);
    expect(ctx.reverts.map((revert) => revert.func)).toEqual(['untaint_nodes', 'untaint_nodes', 'untaint_nodes']);
    for (const revert of ctx.reverts) await untaintNodes.run(untaintNodes.arguments.parse(revert.arguments), context());
    expect(node('worker-1').spec.taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(node('worker-3').spec.taints).toBeUndefined();
  });

  it('taint_nodes retries on a 409 conflict', async () => {
    server.injectFailure({ method: 'PATCH', path: '/api/v1/nodes/worker-3', status: 409 });
    await taintNodes.run(taintNodes.arguments.parse({ name: 'worker-3', key: 'k', effect: 'NoSchedule' }), context());
    expect(node('worker-3').spec.taints).toEqual([{ key: 'k', effect: 'NoSchedule' }]);
    expect(server.requestsMatching('PATCH', '/api/v1/nodes/worker-3').map((request) => request.status)).toEqual([
      409, 200,
    ]);
  });

  it('drain_nodes cordons, evicts through the eviction API and waits until the pods are gone', async () => {
    server.store.put(fakeObjects.deployment('web', { namespace: 'shop', replicas: 3 }));
    await until(
      () =>
        server.store
          .list('pods', { namespace: 'shop', labelSelector: 'app=web' })
          .items.filter((pod) => (pod['status'] as { phase?: string })?.phase === 'Running').length === 3,
    );
    const onWorker1 = () =>
      server.store
        .list('pods', { namespace: 'shop', fieldSelector: 'spec.nodeName=worker-1' })
        .items.map((pod) => pod.metadata!.name!);
    const victims = onWorker1();
    expect(victims.length).toBeGreaterThan(0);
    const ctx = context();
    const result = (await drainNodes.run(drainNodes.arguments.parse({ name: 'worker-1', timeout: 20 }), ctx)) as {
      evicted: string[];
    };
    expect(result.evicted.sort()).toEqual(victims.map((name) => `shop/${name}`).sort());
    expect(server.requestsMatching('POST', '/eviction')).toHaveLength(victims.length);
    // The evictions name the pods they planned (UID precondition)…
    for (const eviction of server.requestsMatching('POST', '/eviction'))
      expect(eviction.body).toMatchObject({ deleteOptions: { preconditions: { uid: expect.any(String) } } });
    // …and the wait lists the node's pods (field selector), it never reads pod by pod.
    expect(server.requestsMatching('GET', /\/api\/v1\/namespaces\/shop\/pods\/[^/]+$/)).toEqual([]);
    const lists = server.requestsMatching('GET', '/api/v1/pods');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(lists.every((request) => request.query['fieldSelector'] === 'spec.nodeName=worker-1')).toBe(true);
    expect(node('worker-1').spec.unschedulable).toBe(true);
    expect(ctx.reverts.map((revert) => [revert.func, revert.arguments])).toEqual([
      ['uncordon_node', { name: 'worker-1', _faultline_revert: true }],
    ]);
    await until(() => server.store.list('pods', { namespace: 'shop', labelSelector: 'app=web' }).items.length === 3);
    expect(onWorker1()).toEqual([]);
    server.store.delete('apps/deployments', 'shop', 'web');
  });

  it('drain_nodes retries evictions a PodDisruptionBudget refuses (429) until the timeout, then reports them', async () => {
    server.store.put(fakeObjects.pod('solo', { namespace: 'shop', labels: { app: 'solo' }, nodeName: 'worker-3' }));
    // Owned by a controller the fake does not run, so nothing replaces or collects it.
    server.store.update('pods', 'shop', 'solo', (pod) => {
      pod.metadata!.ownerReferences = [
        { apiVersion: 'example.com/v1', kind: 'Database', name: 'solo', uid: 'db-uid', controller: true },
      ];
    });
    server.store.put(
      fakeObjects.podDisruptionBudget('solo', { namespace: 'shop', matchLabels: { app: 'solo' }, minAvailable: 1 }),
    );
    try {
      const ctx = context();
      await expect(drainNodes.run(drainNodes.arguments.parse({ name: 'worker-3', timeout: 2 }), ctx)).rejects.toThrow(
        /refused by a PodDisruptionBudget \(shop\/solo\).*disruption budget solo/,
      );
      expect(server.requestsMatching('POST', '/pods/solo/eviction').length).toBeGreaterThan(1);
      expect(server.requestsMatching('POST', '/pods/solo/eviction').every((request) => request.status === 429)).toBe(
        true,
      );
      expect(server.store.get('pods', 'shop', 'solo')).toBeDefined();
      expect(ctx.reverts.map((revert) => revert.func)).toEqual(['uncordon_node']);
    } finally {
      server.store.delete('policy/poddisruptionbudgets', 'shop', 'solo');
      server.store.delete('pods', 'shop', 'solo');
    }
  });

  it('drain_nodes says which pods it skipped and why', async () => {
    // Hold the controllers: the garbage collector would remove pods whose owners the fake lacks.
    server.reconciler!.stop();
    const on = (name: string, extra: Record<string, unknown>) => {
      server.store.put(fakeObjects.pod(name, { namespace: 'shop', nodeName: 'worker-2' }));
      server.store.update('pods', 'shop', name, (pod) => Object.assign(pod.metadata!, extra['metadata'] ?? {}) && pod);
      if (extra['spec'])
        server.store.update('pods', 'shop', name, (pod) => {
          Object.assign(pod['spec'] as object, extra['spec']);
        });
    };
    on('agent', {
      metadata: {
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds', controller: true }],
      },
    });
    on('static', { metadata: { annotations: { 'kubernetes.io/config.mirror': 'x' } } });
    on('cache', {
      metadata: {
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'c', uid: 'rs', controller: true }],
      },
      spec: { volumes: [{ name: 'tmp', emptyDir: {} }] },
    });
    try {
      const result = (await drainNodes.run(
        drainNodes.arguments.parse({ name: 'worker-2' }),
        context({ dryRun: true }),
      )) as {
        skipped: string[];
      };
      expect(result.skipped.sort()).toEqual([
        'shop/agent (DaemonSet pod: its controller ignores cordons)',
        'shop/cache (emptyDir volume: delete_pods_with_local_storage is false)',
        'shop/static (mirror pod: the kubelet owns it)',
      ]);
    } finally {
      for (const name of ['agent', 'static', 'cache']) server.store.delete('pods', 'shop', name);
      server.reconciler!.start();
    }
  });

  it('drain_nodes refuses a node with an unmanaged pod before changing anything', async () => {
    server.store.put(fakeObjects.pod('bare', { namespace: 'shop', nodeName: 'worker-2' }));
    const ctx = context();
    await expect(drainNodes.run(drainNodes.arguments.parse({ name: 'worker-2' }), ctx)).rejects.toThrow(/unmanaged/);
    expect(node('worker-2').spec.unschedulable).toBeUndefined();
    expect(ctx.reverts).toEqual([]);
    server.store.delete('pods', 'shop', 'bare');
  });

  it('get_nodes and all_nodes_must_be_ready_to_schedule', async () => {
    const ctx = context();
    const list = (await getNodes.run(
      getNodes.arguments.parse({ label_selector: 'topology.kubernetes.io/zone=us-west-2b' }),
      ctx,
    )) as { kind: string; items: Array<{ metadata: { name: string; creationTimestamp: string } }> };
    expect(list.kind).toBe('NodeList');
    expect(list.items.map((item) => item.metadata.name)).toEqual(['worker-3']);
    expect(typeof list.items[0]!.metadata.creationTimestamp).toBe('string');
    expect(await allNodesMustBeReadyToSchedule.run(allNodesMustBeReadyToSchedule.arguments.parse({}), ctx)).toBe(true);
    await cordonNode.run(cordonNode.arguments.parse({ name: 'worker-3' }), ctx);
    expect(await allNodesMustBeReadyToSchedule.run(allNodesMustBeReadyToSchedule.arguments.parse({}), ctx)).toBe(false);
    expect(
      await allNodesMustBeReadyToSchedule.run(
        allNodesMustBeReadyToSchedule.arguments.parse({ label_selector: 'topology.kubernetes.io/zone=us-west-2a' }),
        ctx,
      ),
    ).toBe(true);
  });
});
