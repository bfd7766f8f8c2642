import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { createDeployment } from '../deployments/create-deployment.js';
import { deleteReplicaSet } from '../replicasets/delete-replica-set.js';
import { fakeObjects } from '../testing/index.js';
import { createStatefulset } from './create-statefulset.js';
import { removeStatefulset } from './remove-statefulset.js';

const { server, context, startEachWithout } = await kubeTestCluster({
  reconcile: false,
  objects: [fakeObjects.namespace('data')],
});
afterAll(() => server.close());
startEachWithout(
  ['apps/statefulsets', 'data', 'db'],
  ['apps/deployments', 'data', 'api'],
  ['apps/replicasets', 'data', 'api-7d9'],
);
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-sts-'));
const workload = (kind: string, name: string) => ({
  ...fakeObjects.deployment(name, { labels: { app: name } }),
  kind,
  metadata: { name, labels: { app: name } },
});
writeFileSync(join(experimentDir, 'db.yaml'), JSON.stringify(workload('StatefulSet', 'db')));
writeFileSync(join(experimentDir, 'api.json'), JSON.stringify(workload('Deployment', 'api')));

describe('create_statefulset, remove_statefulset, create_deployment, delete_replica_set', () => {
  it('create from spec files (reverted by deleting), a spec of another kind refused', async () => {
    const ctx = context({ experimentDir });
    await createStatefulset.run(createStatefulset.arguments.parse({ spec_path: 'db.yaml', ns: 'data' }), ctx);
    await createDeployment.run(createDeployment.arguments.parse({ spec_path: 'api.json', ns: 'data' }), ctx);
    expect(server.store.get('apps/statefulsets', 'data', 'db')).toBeDefined();
    expect(server.store.get('apps/deployments', 'data', 'api')).toBeDefined();
    await expect(
      createDeployment.run(
        createDeployment.arguments.parse({ spec_path: 'db.yaml', ns: 'data' }),
        context({ experimentDir }),
      ),
    ).rejects.toThrow(/describes a StatefulSet, not a Deployment/);
    await replayReverts(ctx, context());
    expect(server.store.get('apps/statefulsets', 'data', 'db')).toBeUndefined();
    expect(server.store.get('apps/deployments', 'data', 'api')).toBeUndefined();
  });

  it('remove_statefulset and delete_replica_set by label, reverted by creating them again', async () => {
    await createStatefulset.run(
      createStatefulset.arguments.parse({ spec_path: 'db.yaml', ns: 'data' }),
      context({ experimentDir }),
    );
    server.store.put({
      ...workload('ReplicaSet', 'api-7d9'),
      metadata: { name: 'api-7d9', namespace: 'data', labels: { app: 'api' } },
    });
    const ctx = context();
    await removeStatefulset.run(removeStatefulset.arguments.parse({ label_selector: 'app=db', ns: 'data' }), ctx);
    await deleteReplicaSet.run(deleteReplicaSet.arguments.parse({ label_selector: 'app=api', ns: 'data' }), ctx);
    expect(server.store.get('apps/statefulsets', 'data', 'db')).toBeUndefined();
    expect(server.store.get('apps/replicasets', 'data', 'api-7d9')).toBeUndefined();
    await replayReverts(ctx, context());
    expect(server.store.get('apps/statefulsets', 'data', 'db')).toBeDefined();
    expect(server.store.get('apps/replicasets', 'data', 'api-7d9')).toBeDefined();
  });
});
