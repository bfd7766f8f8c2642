import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { createNode } from './create-node.js';
import { deleteNodes } from './delete-nodes.js';

const { server, context } = await kubeTestCluster({
  reconcile: false,
  objects: [
    fakeObjects.node('worker-a', { labels: { pool: 'blue' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }),
    fakeObjects.node('worker-b', { labels: { pool: 'blue' } }),
    fakeObjects.node('worker-c', { labels: { pool: 'green' } }),
  ],
});
afterAll(() => server.close());
const nodeNames = () =>
  server.store
    .list('nodes', {})
    .items.map((node) => node.metadata!.name!)
    .sort();

describe('delete_nodes and create_node (chaosk8s.node.actions)', () => {
  it('deletes the first match by default and registers the nodes again at revert (labels, taints)', async () => {
    const ctx = context();
    expect(await deleteNodes.run(deleteNodes.arguments.parse({ label_selector: 'pool=blue' }), ctx)).toEqual([
      'worker-a',
    ]);
    expect(nodeNames()).toEqual(['worker-b', 'worker-c']);
    await replayReverts(ctx, context());
    const back = server.store.get('nodes', undefined, 'worker-a')!;
    expect(back.metadata?.labels).toMatchObject({ pool: 'blue' });
    expect((back['spec'] as { taints: unknown[] }).taints).toEqual([{ key: 'gpu', effect: 'NoSchedule' }]);
  });

  it('count and all pick several; --dry names them; the max_nodes cap refuses before any deletion', async () => {
    const dry = context({ dryRun: true });
    expect(await deleteNodes.run(deleteNodes.arguments.parse({ all: true }), dry)).toMatchObject({
      dryRun: true,
      nodes: ['worker-a', 'worker-b', 'worker-c'],
    });
    expect(
      (
        (await deleteNodes.run(deleteNodes.arguments.parse({ count: 2 }), context({ dryRun: true }))) as {
          nodes: string[];
        }
      ).nodes,
    ).toHaveLength(2);
    await expect(
      deleteNodes.run(deleteNodes.arguments.parse({ all: true }), context({ kubernetes: { max_nodes: 1 } })),
    ).rejects.toThrow(/max_nodes is 1/);
    expect(nodeNames()).toEqual(['worker-a', 'worker-b', 'worker-c']);
    await expect(
      deleteNodes.run(deleteNodes.arguments.parse({ label_selector: 'pool=red' }), context()),
    ).rejects.toThrow(/failed to find a node/);
  });

  it('create_node registers a Node from meta and spec; the revert deletes it', async () => {
    const ctx = context();
    await createNode.run(
      createNode.arguments.parse({ meta: { name: 'worker-x', labels: { pool: 'x' } }, spec: { unschedulable: true } }),
      ctx,
    );
    expect(server.store.get('nodes', undefined, 'worker-x')?.['spec']).toMatchObject({ unschedulable: true });
    await replayReverts(ctx, context());
    expect(server.store.get('nodes', undefined, 'worker-x')).toBeUndefined();
  });
});
