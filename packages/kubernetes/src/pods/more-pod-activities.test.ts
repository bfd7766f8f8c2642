import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { allPodsHealthy } from './all-pods-healthy.js';
import { podIsNotAvailable } from './pod-is-not-available.js';
import { deletePods } from './delete-pods.js';
import { deploymentPartiallyAvailable } from '../deployments/deployment-partially-available.js';
import { getAllNodeStatusConditions } from '../nodes/get-all-node-status-conditions.js';
import { verifyNodesCondition } from '../nodes/verify-nodes-condition.js';
import { nodesMustBeHealthy } from '../nodes/nodes-must-be-healthy.js';

const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());

describe('more chaosk8s probes and delete_pods', () => {
  it('all_pods_healthy names the unhealthy pods; pod_is_not_available', async () => {
    server.store.put(fakeObjects.pod('api-0', { namespace: 'shop', labels: { name: 'api' } }));
    server.store.put(fakeObjects.pod('job-0', { namespace: 'shop', phase: 'Succeeded' }));
    const ctx = context();
    expect(await allPodsHealthy.run(allPodsHealthy.arguments.parse({ ns: 'shop' }), ctx)).toBe(true);
    server.store.put(fakeObjects.pod('bad-0', { namespace: 'shop', phase: 'Failed' }));
    await expect(allPodsHealthy.run(allPodsHealthy.arguments.parse({ ns: 'shop' }), ctx)).rejects.toThrow(
      /failed: bad-0/,
    );
    expect(
      await allPodsHealthy.run(allPodsHealthy.arguments.parse({ ns: 'shop', raise_on_any_unhealthy: false }), ctx),
    ).toBe(false);
    await expect(
      podIsNotAvailable.run(podIsNotAvailable.arguments.parse({ name: 'api', ns: 'shop' }), ctx),
    ).rejects.toThrow(/actually running \(api-0\)/);
    expect(await podIsNotAvailable.run(podIsNotAvailable.arguments.parse({ name: 'web', ns: 'shop' }), ctx)).toBe(true);
  });

  it('delete_pods deletes one pod matching the name pattern, like chaosk8s', async () => {
    server.store.put(fakeObjects.pod('doomed-0', { namespace: 'graveyard', phase: 'Failed' }));
    const result = (await deletePods.run(
      deletePods.arguments.parse({ name: '^doomed', ns: 'graveyard' }),
      context(),
    )) as {
      pods: string[];
    };
    expect(result.pods).toEqual(['doomed-0']);
    expect(server.store.get('pods', 'graveyard', 'doomed-0')?.metadata?.deletionTimestamp).toBeDefined();
  });

  it('deployment_partially_available', async () => {
    server.store.put({
      ...fakeObjects.deployment('web', { namespace: 'shop', replicas: 3 }),
      status: { availableReplicas: 1 },
    });
    expect(
      await deploymentPartiallyAvailable.run(
        deploymentPartiallyAvailable.arguments.parse({ name: 'web', ns: 'shop' }),
        context(),
      ),
    ).toBe(true);
    server.store.update('apps/deployments', 'shop', 'web', (deployment) => {
      deployment['status'] = { availableReplicas: 0 };
    });
    expect(
      await deploymentPartiallyAvailable.run(
        deploymentPartiallyAvailable.arguments.parse({
          name: 'web',
          ns: 'shop',
          raise_on_not_partially_available: false,
        }),
        context(),
      ),
    ).toBe(false);
  });

  it('node condition probes', async () => {
    server.store.put(fakeObjects.node('n1'));
    server.store.put({
      ...fakeObjects.node('n2'),
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'DiskPressure', status: 'True' },
          { type: 'PIDPressure', status: 'False' },
        ],
      },
    });
    const ctx = context();
    expect(await getAllNodeStatusConditions.run(getAllNodeStatusConditions.arguments.parse({}), ctx)).toEqual([
      { name: 'n1', Ready: 'True' },
      { name: 'n2', Ready: 'True', DiskPressure: 'True', PIDPressure: 'False' },
    ]);
    expect(
      await verifyNodesCondition.run(
        verifyNodesCondition.arguments.parse({ condition_type: 'Ready', condition_value: 'True' }),
        ctx,
      ),
    ).toBe(true);
    expect(await verifyNodesCondition.run(verifyNodesCondition.arguments.parse({}), ctx)).toBe(false);
    expect(
      await nodesMustBeHealthy.run(
        nodesMustBeHealthy.arguments.parse({ label_selector: 'kubernetes.io/hostname=n1' }),
        ctx,
      ),
    ).toBe(true);
    expect(await nodesMustBeHealthy.run(nodesMustBeHealthy.arguments.parse({}), ctx)).toBe(false);
  });
});
