import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { scaleDeployment } from './scale-deployment.js';
import { deploymentFullyAvailable } from './deployment-fully-available.js';
import { deploymentNotFullyAvailable } from './deployment-not-fully-available.js';
import { deploymentAvailableAndHealthy } from './deployment-available-and-healthy.js';
import { rolloutDeployment } from './rollout-deployment.js';
import { deleteDeployment } from './delete-deployment.js';
import { terminatePods } from '../pods/terminate-pods.js';
import { scaleStatefulset } from '../statefulsets/scale-statefulset.js';
import { statefulsetFullyAvailable } from '../statefulsets/statefulset-fully-available.js';

const { server, context } = await kubeTestCluster({ reconcile: { podRecreateDelayMs: 300 } });
afterAll(() => server.close());

const status = (name: string, ns = 'production') =>
  (server.store.get('apps/deployments', ns, name)?.['status'] ?? {}) as {
    readyReplicas?: number;
    availableReplicas?: number;
  };
const spec = (name: string, ns = 'production') =>
  (server.store.get('apps/deployments', ns, name)?.['spec'] ?? {}) as { replicas?: number };

describe('deployments', () => {
  // Each test starts from my-service with 3 ready replicas, so any one passes alone or in any order.
  beforeEach(async () => {
    if (spec('my-service').replicas !== 3)
      server.store.put(fakeObjects.deployment('my-service', { namespace: 'production', replicas: 3 }));
    await until(() => status('my-service').readyReplicas === 3 && status('my-service').availableReplicas === 3);
  });

  it('scale_deployment registers the revert before patching, and the revert restores the replicas', async () => {
    const ctx = context();
    let revertsAtPatch = -1;
    server.onRequest = (request) => {
      if (request.method === 'PATCH') revertsAtPatch = ctx.reverts.length;
    };
    const result = await scaleDeployment.run(
      scaleDeployment.arguments.parse({ name: 'my-service', replicas: 1, ns: 'production' }),
      ctx,
    );
    server.onRequest = undefined;
    expect(revertsAtPatch).toBe(1);
    expect(result).toMatchObject({ previousReplicas: 3, replicas: 1 });
    expect(ctx.reverts).toEqual([
      expect.objectContaining({
        driver: '@faultline/kubernetes',
        func: 'scale_deployment',
        arguments: { name: 'my-service', replicas: 3, ns: 'production', _faultline_revert: true },
      }),
    ]);
    const patch = server.requestsMatching('PATCH', '/deployments/my-service/scale')[0]!;
    expect(patch).toMatchObject({ contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } } });
    await until(
      () => server.store.list('pods', { namespace: 'production', labelSelector: 'app=my-service' }).items.length === 1,
    );
    // Replay the revert as `faultline revert` would.
    const revert = ctx.reverts[0]!;
    await scaleDeployment.run(scaleDeployment.arguments.parse(revert.arguments), context());
    await until(() => status('my-service').readyReplicas === 3);
    expect(spec('my-service').replicas).toBe(3);
  });

  it('scale_deployment in dry-run changes nothing; a missing deployment fails with the API reason', async () => {
    const ctx = context({ dryRun: true });
    const result = await scaleDeployment.run(
      scaleDeployment.arguments.parse({ name: 'my-service', replicas: 0, ns: 'production' }),
      ctx,
    );
    expect(result).toMatchObject({ dryRun: true, previousReplicas: 3 });
    expect(ctx.reverts).toEqual([]);
    expect(spec('my-service').replicas).toBe(3);
    await expect(
      scaleDeployment.run(scaleDeployment.arguments.parse({ name: 'nope', replicas: 1, ns: 'production' }), context()),
    ).rejects.toThrow(/not found \(404 NotFound\)/);
  });

  it('deployment_not_fully_available then deployment_fully_available watch the recovery after a pod is killed', async () => {
    const ctx = context();
    const notFully = deploymentNotFullyAvailable.run(
      deploymentNotFullyAvailable.arguments.parse({ name: 'my-service', ns: 'production', timeout: 10 }),
      ctx,
    );
    await terminatePods.run(
      terminatePods.arguments.parse({ label_selector: 'app=my-service', ns: 'production', qty: 1 }),
      ctx,
    );
    expect(await notFully).toBe(true);
    expect(
      await deploymentFullyAvailable.run(
        deploymentFullyAvailable.arguments.parse({ name: 'my-service', ns: 'production', timeout: '10s' }),
        ctx,
      ),
    ).toBe(true);
    expect(status('my-service').readyReplicas).toBe(3);
    expect(
      server
        .requestsMatching('GET', '/apis/apps/v1/namespaces/production/deployments')
        .some(
          (request) =>
            request.query['watch'] === 'true' && request.query['fieldSelector'] === 'metadata.name=my-service',
        ),
    ).toBe(true);
  });

  it('readiness probes time out with false or an error', async () => {
    const ctx = context();
    await expect(
      deploymentNotFullyAvailable.run(
        deploymentNotFullyAvailable.arguments.parse({ name: 'my-service', ns: 'production', timeout: 1 }),
        ctx,
      ),
    ).rejects.toThrow(/failed to stop running within 1s/);
    expect(
      await deploymentNotFullyAvailable.run(
        deploymentNotFullyAvailable.arguments.parse({
          name: 'my-service',
          ns: 'production',
          timeout: 1,
          raise_on_fully_available: false,
        }),
        ctx,
      ),
    ).toBe(false);
  });

  it('deployment_available_and_healthy compares available and desired replicas', async () => {
    const ctx = context();
    expect(
      await deploymentAvailableAndHealthy.run(
        deploymentAvailableAndHealthy.arguments.parse({ name: 'my-service', ns: 'production' }),
        ctx,
      ),
    ).toBe(true);
    // Hold the controllers so the status we write stays as written.
    server.reconciler!.stop();
    try {
      server.store.update('apps/deployments', 'production', 'my-service', (deployment) => {
        (deployment['status'] as Record<string, unknown>)['availableReplicas'] = 2;
      });
      expect(
        await deploymentAvailableAndHealthy.run(
          deploymentAvailableAndHealthy.arguments.parse({
            name: 'my-service',
            ns: 'production',
            raise_on_unavailable: false,
          }),
          ctx,
        ),
      ).toBe(false);
    } finally {
      server.reconciler!.start();
    }
    await expect(
      deploymentAvailableAndHealthy.run(
        deploymentAvailableAndHealthy.arguments.parse({ name: 'ghost', ns: 'production' }),
        ctx,
      ),
    ).rejects.toThrow(/was not found/);
  });

  it('rollout_deployment restarts the pods through a template annotation; delete_deployment removes it', async () => {
    server.store.put(fakeObjects.deployment('api', { namespace: 'production', replicas: 2 }));
    await until(() => status('api').readyReplicas === 2);
    const before = server.store
      .list('pods', { namespace: 'production', labelSelector: 'app=api' })
      .items.map((pod) => pod.metadata!.name);
    await rolloutDeployment.run(rolloutDeployment.arguments.parse({ name: 'api', ns: 'production' }), context());
    const annotations = (
      server.store.get('apps/deployments', 'production', 'api')!['spec'] as {
        template: { metadata: { annotations: Record<string, string> } };
      }
    ).template.metadata.annotations;
    expect(annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-/);
    await until(() => {
      const pods = server.store
        .list('pods', { namespace: 'production', labelSelector: 'app=api' })
        .items.map((pod) => pod.metadata!.name);
      return pods.length === 2 && pods.every((name) => !before.includes(name));
    });
    const ctx = context();
    await deleteDeployment.run(deleteDeployment.arguments.parse({ name: 'api', ns: 'production' }), ctx);
    expect(server.store.get('apps/deployments', 'production', 'api')).toBeUndefined();
    await until(
      () => server.store.list('pods', { namespace: 'production', labelSelector: 'app=api' }).items.length === 0,
    );
  });

  it('scale_statefulset and statefulset_fully_available', async () => {
    server.store.put(fakeObjects.statefulSet('db', { namespace: 'production', replicas: 1 }));
    const ctx = context();
    await scaleStatefulset.run(scaleStatefulset.arguments.parse({ name: 'db', replicas: 3, ns: 'production' }), ctx);
    expect(
      await statefulsetFullyAvailable.run(
        statefulsetFullyAvailable.arguments.parse({ name: 'db', ns: 'production', timeout: 10 }),
        ctx,
      ),
    ).toBe(true);
    expect(
      server.store
        .list('pods', { namespace: 'production', labelSelector: 'app=db' })
        .items.map((pod) => pod.metadata!.name),
    ).toEqual(['db-0', 'db-1', 'db-2']);
    expect(ctx.reverts[0]).toMatchObject({
      func: 'scale_statefulset',
      arguments: { name: 'db', replicas: 1, ns: 'production' },
    });
  });
});

describe('min_ready on scale', () => {
  it('refuses to scale below min_ready and allows scaling up', async () => {
    server.store.put(fakeObjects.deployment('guarded', { namespace: 'production', replicas: 3 }));
    const ctx = context({ kubernetes: { min_ready: 2 } });
    await expect(
      scaleDeployment.run(scaleDeployment.arguments.parse({ name: 'guarded', replicas: 1, ns: 'production' }), ctx),
    ).rejects.toThrow(/below min_ready 2/);
    expect(ctx.reverts).toEqual([]);
    expect(
      await scaleDeployment.run(
        scaleDeployment.arguments.parse({ name: 'guarded', replicas: 2, ns: 'production' }),
        ctx,
      ),
    ).toMatchObject({ replicas: 2 });
  });
});
