import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { addLatency } from './add-latency.js';
import { corruptPackets } from './corrupt-packets.js';
import { deleteNetworkFault } from './delete-network-fault.js';
import { deleteStressor } from './delete-stressor.js';
import { duplicatePackets } from './duplicate-packets.js';
import { getNetworkFault } from './get-network-fault.js';
import { getNetworkFaults } from './get-network-faults.js';
import { getStressor } from './get-stressor.js';
import { getStressors } from './get-stressors.js';
import { reorderPackets } from './reorder-packets.js';
import { setBandwidth } from './set-bandwidth.js';
import { setLoss } from './set-loss.js';
import { stressCpu } from './stress-cpu.js';
import { stressMemory } from './stress-memory.js';

const { server, context } = await kubeTestCluster({ reconcile: false, objects: [fakeObjects.namespace('shop')] });
afterAll(() => server.close());
const spec = (plural: string, name: string) =>
  server.store.get(`chaos-mesh.org/${plural}`, 'shop', name)?.['spec'] as Record<string, unknown> | undefined;

describe('Chaos Mesh (chaosk8s.chaosmesh)', () => {
  it('add_latency builds the NetworkChaos from comma-separated selectors; the revert deletes it', async () => {
    const ctx = context();
    await addLatency.run(
      addLatency.arguments.parse({
        name: 'slow-orders',
        ns: 'shop',
        namespaces_selectors: 'shop,payments',
        label_selectors: 'app=orders,tier=api',
        mode: 'fixed-percent',
        mode_value: 50,
        latency: '100ms',
        jitter: '10ms',
        external_targets: 'db.example.com',
        target_mode: 'fixed',
        target_mode_value: '1',
        target_label_selectors: { app: 'postgres' },
      }),
      ctx,
    );
    const object = server.store.get('chaos-mesh.org/networkchaos', 'shop', 'slow-orders')!;
    expect(object.metadata?.namespace).toBe('shop');
    expect(object['spec']).toEqual({
      action: 'delay',
      selector: { namespaces: ['shop', 'payments'], labelSelectors: { app: 'orders', tier: 'api' } },
      mode: 'fixed-percent',
      value: '50',
      direction: 'to',
      externalTargets: ['db.example.com'],
      target: { mode: 'fixed', value: '1', selector: { labelSelectors: { app: 'postgres' } } },
      delay: { latency: '100ms', jitter: '10ms' },
    });
    expect(
      await getNetworkFault.run(getNetworkFault.arguments.parse({ name: 'slow-orders', ns: 'shop' }), context()),
    ).toMatchObject({ kind: 'NetworkChaos' });
    await replayReverts(ctx, context());
    expect(spec('networkchaos', 'slow-orders')).toBeUndefined();
  });

  it('every network action sets its own block; bandwidth is spelt right; get_network_faults lists them', async () => {
    const ctx = context();
    const base = { ns: 'shop', label_selectors: 'app=orders' };
    await setLoss.run(setLoss.arguments.parse({ ...base, name: 'loss', loss: '25', correlation: 5 }), ctx);
    await duplicatePackets.run(duplicatePackets.arguments.parse({ ...base, name: 'dup', duplicate: '10' }), ctx);
    await reorderPackets.run(reorderPackets.arguments.parse({ ...base, name: 'reo', reorder: '10', gap: '3' }), ctx);
    await corruptPackets.run(corruptPackets.arguments.parse({ ...base, name: 'cor', corrupt: '1' }), ctx);
    await setBandwidth.run(
      setBandwidth.arguments.parse({ ...base, name: 'bw', rate: '1mbps', limit: 100, buffer: 10000 }),
      ctx,
    );
    expect(spec('networkchaos', 'loss')).toMatchObject({ action: 'loss', loss: { loss: '25', correlation: '5' } });
    expect(spec('networkchaos', 'dup')).toMatchObject({ action: 'duplicate', duplicate: { duplicate: '10' } });
    expect(spec('networkchaos', 'reo')).toMatchObject({ action: 'reorder', reorder: { reorder: '10', gap: '3' } });
    expect(spec('networkchaos', 'cor')).toMatchObject({ action: 'corrupt', corrupt: { corrupt: '1' } });
    expect(spec('networkchaos', 'bw')).toMatchObject({
      action: 'bandwidth',
      bandwidth: { rate: '1mbps', limit: 100, buffer: 10000 },
    });
    const list = (await getNetworkFaults.run(getNetworkFaults.arguments.parse({ ns: 'shop' }), context())) as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(5);
    // Deleting a fault ends it: nothing to revert.
    const removed = context();
    await deleteNetworkFault.run(deleteNetworkFault.arguments.parse({ name: 'loss', ns: 'shop' }), removed);
    expect(removed.reverts).toEqual([]);
    expect(spec('networkchaos', 'loss')).toBeUndefined();
    await replayReverts(ctx, context());
    expect(server.store.list('chaos-mesh.org/networkchaos', { namespace: 'shop' }).items).toEqual([]);
  });

  it('stress_cpu and stress_memory create StressChaos objects; --dry creates nothing', async () => {
    const dry = context({ dryRun: true });
    await stressCpu.run(stressCpu.arguments.parse({ name: 'cpu', ns: 'shop', workers: 2, load: 80 }), dry);
    expect(spec('stresschaos', 'cpu')).toBeUndefined();
    expect(dry.reverts).toEqual([]);
    const ctx = context();
    await stressCpu.run(
      stressCpu.arguments.parse({ name: 'cpu', ns: 'shop', workers: 2, load: 80, container_names: 'app,sidecar' }),
      ctx,
    );
    await stressMemory.run(
      stressMemory.arguments.parse({
        name: 'mem',
        ns: 'shop',
        size: '256MB',
        time_to_get_to_size: '10s',
        duration: '1m',
      }),
      ctx,
    );
    expect(spec('stresschaos', 'cpu')).toEqual({
      selector: {},
      mode: 'one',
      duration: '30s',
      containerNames: ['app', 'sidecar'],
      stressors: { cpu: { workers: 2, load: 80 } },
    });
    expect(spec('stresschaos', 'mem')).toMatchObject({
      duration: '1m',
      stressors: { memory: { size: '256MB', time: '10s' } },
    });
    expect(await getStressor.run(getStressor.arguments.parse({ name: 'mem', ns: 'shop' }), context())).toMatchObject({
      kind: 'StressChaos',
    });
    expect(
      ((await getStressors.run(getStressors.arguments.parse({ ns: 'shop' }), context())) as { items: unknown[] }).items,
    ).toHaveLength(2);
    await deleteStressor.run(deleteStressor.arguments.parse({ name: 'cpu', ns: 'shop' }), context());
    expect(spec('stresschaos', 'cpu')).toBeUndefined();
    await replayReverts(ctx, context());
    expect(spec('stresschaos', 'mem')).toBeUndefined();
  });
});

describe('Chaos Mesh missing from the cluster', () => {
  it('--dry already says the cluster does not serve the kind', async () => {
    const bare = await kubeTestCluster({ reconcile: false, objects: [fakeObjects.namespace('shop')] });
    // A cluster without Chaos Mesh: discovery of chaos-mesh.org answers 404.
    bare.server.injectFailure({ method: 'GET', path: '/apis/chaos-mesh.org/v1alpha1', status: 404, times: 10 });
    try {
      await expect(
        stressCpu.run(
          stressCpu.arguments.parse({ name: 'cpu', ns: 'shop', workers: 1, load: 10 }),
          bare.context({ dryRun: true }),
        ),
      ).rejects.toThrow(/stress_cpu: looking up StressChaos \(chaos-mesh.org\/v1alpha1\)/);
    } finally {
      await bare.server.close();
    }
  });
});
