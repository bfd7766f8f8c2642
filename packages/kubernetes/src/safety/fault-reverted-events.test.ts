import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { cordonNode } from '../nodes/cordon-node.js';
import { uncordonNode } from '../nodes/uncordon-node.js';
import { taintNodes } from '../nodes/taint-nodes.js';
import { untaintNodes } from '../nodes/untaint-nodes.js';
import { scaleDeployment } from '../deployments/scale-deployment.js';
import { patchCustomObject } from '../generic/patch-custom-object.js';
import { restoreCustomObject } from '../generic/restore-custom-object.js';
import { stressNode } from '../stress/stress-node.js';
import { deleteStressPod } from '../stress/delete-stress-pod.js';

// Each fault records FaultInjected (Warning) on its target; the revert that takes it out records
// FaultReverted (Normal), so `kubectl describe` tells the whole story.
const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());

interface StoredEvent {
  reason: string;
  type: string;
  action: string;
  message: string;
  involvedObject: { kind: string; name: string; namespace?: string };
}
const events = (namespace = 'default') => server.store.list('events', { namespace }).items as unknown as StoredEvent[];
/** The events about one object, as reason:type:action (sorted: the store lists them by generated name). */
const about = (name: string, namespace = 'default') =>
  events(namespace)
    .filter((event) => event.involvedObject.name === name)
    .map((event) => `${event.reason}:${event.type}:${event.action}`)
    .sort();

beforeEach(() => {
  for (const item of server.store.list('events', { namespace: 'default' }).items)
    server.store.delete('events', 'default', item.metadata!.name!);
  for (const item of server.store.list('nodes').items) server.store.delete('nodes', undefined, item.metadata!.name!);
  server.store.put(fakeObjects.node('worker-1', { labels: { 'topology.kubernetes.io/zone': 'us-west-2a' } }));
  server.store.put(fakeObjects.node('worker-2', { labels: { 'topology.kubernetes.io/zone': 'us-west-2b' } }));
});

describe('FaultReverted events', () => {
  it('cordon_node → its revert (uncordon_node with _faultline_revert) records FaultReverted on the node', async () => {
    const ctx = context();
    await cordonNode.run(cordonNode.arguments.parse({ label_selector: 'topology.kubernetes.io/zone=us-west-2a' }), ctx);
    expect(about('worker-1')).toEqual(['FaultInjected:Warning:cordon_node']);
    expect(ctx.reverts[0]!.arguments).toEqual({ name: 'worker-1', _faultline_revert: true });
    await uncordonNode.run(uncordonNode.arguments.parse(ctx.reverts[0]!.arguments), context({ isRevert: true }));
    expect(about('worker-1')).toEqual(['FaultInjected:Warning:cordon_node', 'FaultReverted:Normal:uncordon_node']);
    const reverted = events().find((event) => event.reason === 'FaultReverted')!;
    expect(reverted.message).toMatch(
      /uncordon_node: reverting, the node is schedulable again \(faultline run run-1234/,
    );
  });

  it('uncordon_node called by an experiment (no revert flag) records no event', async () => {
    server.store.update('nodes', undefined, 'worker-2', (item) => {
      (item['spec'] as Record<string, unknown>)['unschedulable'] = true;
    });
    await uncordonNode.run(uncordonNode.arguments.parse({ name: 'worker-2' }), context());
    expect(server.store.get('nodes', undefined, 'worker-2')!['spec']).not.toHaveProperty('unschedulable');
    expect(events()).toEqual([]);
  });

  it('taint_nodes → untaint_nodes revert; emit_events false silences both', async () => {
    const ctx = context();
    await taintNodes.run(
      taintNodes.arguments.parse({ name: 'worker-2', key: 'simulated-failure', value: 'true', effect: 'NoExecute' }),
      ctx,
    );
    await untaintNodes.run(untaintNodes.arguments.parse(ctx.reverts[0]!.arguments), context({ isRevert: true }));
    expect(about('worker-2')).toEqual(['FaultInjected:Warning:taint_nodes', 'FaultReverted:Normal:untaint_nodes']);
    const quiet = context({ kubernetes: { emit_events: false } });
    await taintNodes.run(taintNodes.arguments.parse({ name: 'worker-1', key: 'k', effect: 'NoSchedule' }), quiet);
    await untaintNodes.run(
      untaintNodes.arguments.parse(quiet.reverts[0]!.arguments),
      context({ kubernetes: { emit_events: false }, isRevert: true }),
    );
    expect(about('worker-1')).toEqual([]);
  });

  it('scale_deployment → its revert records FaultReverted, and min_ready never blocks going back', async () => {
    server.store.put(fakeObjects.deployment('api', { namespace: 'shop', replicas: 1 }));
    const ctx = context({ kubernetes: { min_ready: 2 } });
    // Scaling up is allowed; going back down to 1 (below min_ready 2) is the revert and must run.
    await scaleDeployment.run(scaleDeployment.arguments.parse({ name: 'api', replicas: 4, ns: 'shop' }), ctx);
    expect(ctx.reverts[0]!.arguments).toEqual({ name: 'api', replicas: 1, ns: 'shop', _faultline_revert: true });
    await scaleDeployment.run(
      scaleDeployment.arguments.parse(ctx.reverts[0]!.arguments),
      context({ kubernetes: { min_ready: 2 }, isRevert: true }),
    );
    expect((server.store.get('apps/deployments', 'shop', 'api')!['spec'] as { replicas: number }).replicas).toBe(1);
    expect(about('api', 'shop')).toEqual([
      'FaultInjected:Warning:scale_deployment',
      'FaultReverted:Normal:scale_deployment',
    ]);
    // The same scale-down called by an experiment is still refused.
    await expect(
      scaleDeployment
        .run(scaleDeployment.arguments.parse({ name: 'api', replicas: 4, ns: 'shop' }), context())
        .then(() =>
          scaleDeployment.run(
            scaleDeployment.arguments.parse({ name: 'api', replicas: 1, ns: 'shop' }),
            context({ kubernetes: { min_ready: 2 } }),
          ),
        ),
    ).rejects.toThrow(/below min_ready 2/);
  });

  it('restore_custom_object records FaultReverted on the object', async () => {
    server.store.put(fakeObjects.virtualService('orders-vs', { namespace: 'shop' }));
    const ref = {
      group: 'networking.istio.io',
      version: 'v1',
      plural: 'virtualservices',
      name: 'orders-vs',
      ns: 'shop',
    };
    const ctx = context();
    await patchCustomObject.run(
      patchCustomObject.arguments.parse({ ...ref, resource: { spec: { hosts: ['other'] } } }),
      ctx,
    );
    await restoreCustomObject.run(
      restoreCustomObject.arguments.parse(ctx.reverts[0]!.arguments),
      context({ isRevert: true }),
    );
    expect(about('orders-vs', 'shop')).toEqual([
      'FaultInjected:Warning:patch_custom_object',
      'FaultReverted:Normal:restore_custom_object',
    ]);
    expect(
      events('shop').find((event) => event.reason === 'FaultReverted' && event.involvedObject.name === 'orders-vs')!
        .involvedObject.kind,
    ).toBe('VirtualService');
  });

  it('delete_stress_pod records FaultReverted on the stressed node, only when it deleted the pod', async () => {
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal });
    const running = stressNode.run(
      stressNode.arguments.parse({ node_name: 'worker-1', stressors: 'cpu:1', duration: 60 }),
      ctx,
    );
    const deadline = Date.now() + 10_000;
    while (
      ctx.reverts.length === 0 ||
      server.store.list('pods', { labelSelector: 'faultline.io/fault=stress-node' }).items.length === 0
    ) {
      if (Date.now() > deadline) throw new Error('the stress pod never appeared');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Replay the revert as `faultline revert` would after a crash (while the pod still runs).
    const result = await deleteStressPod.run(
      deleteStressPod.arguments.parse(ctx.reverts[0]!.arguments),
      context({ isRevert: true }),
    );
    expect(result).toMatchObject({ deleted: true, events: 1 });
    expect(about('worker-1')).toEqual(['FaultInjected:Warning:stress_node', 'FaultReverted:Normal:delete_stress_pod']);
    controller.abort(new Error('interrupted'));
    await running.then(
      () => undefined,
      () => undefined,
    );
    expect(
      await deleteStressPod.run(
        deleteStressPod.arguments.parse(ctx.reverts[0]!.arguments),
        context({ isRevert: true }),
      ),
    ).toMatchObject({ deleted: false, events: 0 });
    expect(about('worker-1')).toHaveLength(2);
  });
});
