import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { rolloutDeployment } from './rollout-deployment.js';
import { restoreDeploymentRestart } from './restore-deployment-restart.js';
import { deleteDeployment } from './delete-deployment.js';
import { restartAnnotation } from './restart-annotation.js';

const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());

const templateAnnotations = (name: string) =>
  (
    server.store.get('apps/deployments', 'production', name)!['spec'] as {
      template: { metadata?: { annotations?: Record<string, string> } };
    }
  ).template.metadata?.annotations ?? {};
const setRestartedAt = (name: string, value: string) =>
  server.store.update('apps/deployments', 'production', name, (item) => {
    const template = (item['spec'] as { template: { metadata?: { annotations?: Record<string, string> } } }).template;
    template.metadata = {
      ...template.metadata,
      annotations: { ...template.metadata?.annotations, [restartAnnotation]: value },
    };
  });

describe('rollout_deployment revert', () => {
  it('registers the revert before patching; the revert removes an annotation that was not there', async () => {
    server.store.put(fakeObjects.deployment('api', { namespace: 'production', replicas: 2 }));
    const ctx = context();
    let revertsAtPatch = -1;
    server.onRequest = (request) => {
      if (request.method === 'PATCH' && revertsAtPatch < 0) revertsAtPatch = ctx.reverts.length;
    };
    const result = (await rolloutDeployment.run(
      rolloutDeployment.arguments.parse({ name: 'api', ns: 'production', restore_annotation: true }),
      ctx,
    )) as { restartedAt: string; previousRestartedAt: string | null };
    server.onRequest = undefined;
    expect(revertsAtPatch).toBe(1);
    expect(result.previousRestartedAt).toBeNull();
    expect(templateAnnotations('api')[restartAnnotation]).toBe(result.restartedAt);
    expect(ctx.reverts).toEqual([
      expect.objectContaining({
        func: 'restore_deployment_restart',
        arguments: { name: 'api', ns: 'production', restarted_at: null, injected: result.restartedAt },
      }),
    ]);
    const restored = await restoreDeploymentRestart.run(
      restoreDeploymentRestart.arguments.parse(ctx.reverts[0]!.arguments),
      context(),
    );
    expect(restored).toMatchObject({ restored: true, restartedAt: null, events: 1 });
    expect(templateAnnotations('api')).not.toHaveProperty(restartAnnotation);
    const reverted = server.store
      .list('events', { namespace: 'production' })
      .items.filter(
        (event) => event['reason'] === 'FaultReverted' && (event['involvedObject'] as { name: string }).name === 'api',
      );
    expect(reverted.map((event) => event['action'])).toEqual(['restore_deployment_restart']);
    // Run twice (a revert may be replayed): nothing more to do.
    expect(
      await restoreDeploymentRestart.run(
        restoreDeploymentRestart.arguments.parse(ctx.reverts[0]!.arguments),
        context(),
      ),
    ).toMatchObject({ restored: false, reason: 'already as before' });
  });

  it('puts back the restartedAt of an earlier restart', async () => {
    server.store.put(fakeObjects.deployment('web', { namespace: 'production', replicas: 1 }));
    setRestartedAt('web', '2026-01-02T03:04:05Z');
    const ctx = context();
    await rolloutDeployment.run(
      rolloutDeployment.arguments.parse({ name: 'web', ns: 'production', restore_annotation: true }),
      ctx,
    );
    expect(templateAnnotations('web')[restartAnnotation]).not.toBe('2026-01-02T03:04:05Z');
    expect(ctx.reverts[0]!.arguments).toMatchObject({ restarted_at: '2026-01-02T03:04:05Z' });
    await restoreDeploymentRestart.run(restoreDeploymentRestart.arguments.parse(ctx.reverts[0]!.arguments), context());
    expect(templateAnnotations('web')[restartAnnotation]).toBe('2026-01-02T03:04:05Z');
  });

  it('leaves a newer restart alone, and a deleted deployment is nothing to restore', async () => {
    server.store.put(fakeObjects.deployment('cart', { namespace: 'production', replicas: 1 }));
    const ctx = context();
    await rolloutDeployment.run(
      rolloutDeployment.arguments.parse({ name: 'cart', ns: 'production', restore_annotation: true }),
      ctx,
    );
    setRestartedAt('cart', '2099-01-01T00:00:00Z');
    const revertCtx = context();
    expect(
      await restoreDeploymentRestart.run(
        restoreDeploymentRestart.arguments.parse(ctx.reverts[0]!.arguments),
        revertCtx,
      ),
    ).toMatchObject({ restored: false, reason: 'restarted again since the fault' });
    expect(templateAnnotations('cart')[restartAnnotation]).toBe('2099-01-01T00:00:00Z');
    expect(revertCtx.logs.some((line) => line.level === 'warn' && /restarted again since/.test(line.message))).toBe(
      true,
    );
    server.store.delete('apps/deployments', 'production', 'cart');
    expect(
      await restoreDeploymentRestart.run(
        restoreDeploymentRestart.arguments.parse(ctx.reverts[0]!.arguments),
        context(),
      ),
    ).toMatchObject({ restored: false, reason: 'deployment not found' });
  });

  it('by default registers no revert: undoing a restart would roll every pod a second time', async () => {
    server.store.put(fakeObjects.deployment('once', { namespace: 'production', replicas: 1 }));
    const ctx = context();
    await rolloutDeployment.run(rolloutDeployment.arguments.parse({ name: 'once', ns: 'production' }), ctx);
    expect(ctx.reverts).toEqual([]);
    expect(
      (
        server.store.get('apps/deployments', 'production', 'once')!['spec'] as {
          template: { metadata: { annotations: Record<string, string> } };
        }
      ).template.metadata.annotations[restartAnnotation],
    ).toBeDefined();
  });

  it('the revert retries when the deployment changes under it (409)', async () => {
    server.store.put(fakeObjects.deployment('busy', { namespace: 'production', replicas: 1 }));
    const ctx = context();
    await rolloutDeployment.run(
      rolloutDeployment.arguments.parse({ name: 'busy', ns: 'production', restore_annotation: true }),
      ctx,
    );
    let raced = false;
    server.onRequest = (request) => {
      if (request.method === 'PATCH' && request.path.endsWith('/busy') && !raced) {
        raced = true;
        server.store.update('apps/deployments', 'production', 'busy', (draft) => {
          draft.metadata!.labels = { ...draft.metadata!.labels, touched: 'yes' };
        });
      }
    };
    try {
      expect(
        await restoreDeploymentRestart.run(
          restoreDeploymentRestart.arguments.parse(ctx.reverts[0]!.arguments),
          context(),
        ),
      ).toMatchObject({ restored: true });
    } finally {
      server.onRequest = undefined;
    }
    expect(
      server
        .requestsMatching('PATCH', '/deployments/busy')
        .map((request) => request.status)
        .slice(-2),
    ).toEqual([409, 200]);
  });

  it('in dry-run reports the current annotation and registers nothing', async () => {
    server.store.put(fakeObjects.deployment('dry', { namespace: 'production', replicas: 1 }));
    const ctx = context({ dryRun: true });
    expect(
      await rolloutDeployment.run(rolloutDeployment.arguments.parse({ name: 'dry', ns: 'production' }), ctx),
    ).toMatchObject({ dryRun: true, previousRestartedAt: null });
    expect(ctx.reverts).toEqual([]);
    expect(server.requestsMatching('PATCH', '/deployments/dry')).toEqual([]);
  });
});

describe('delete_deployment', () => {
  it('has no revert; --dry lists exactly the deployments it would delete and deletes nothing', async () => {
    for (const name of ['pay-a', 'pay-b', 'other'])
      server.store.put(
        fakeObjects.deployment(name, {
          namespace: 'production',
          replicas: 1,
          labels: { team: name === 'other' ? 'x' : 'pay' },
        }),
      );
    const ctx = context({ dryRun: true });
    const result = (await deleteDeployment.run(
      deleteDeployment.arguments.parse({ label_selector: 'team=pay', ns: 'production' }),
      ctx,
    )) as { dryRun: boolean; deployments: string[]; safety: Array<{ check: string; detail: string }> };
    expect(result.dryRun).toBe(true);
    expect(result.deployments).toEqual(['pay-a', 'pay-b']);
    expect(result.safety.find((decision) => decision.check === 'dry-run')!.detail).toBe(
      'dry run: would delete 2 deployment(s) in production: pay-a, pay-b (nothing changed)',
    );
    expect(server.requestsMatching('DELETE', '/deployments/')).toEqual([]);
    const real = context();
    await deleteDeployment.run(
      deleteDeployment.arguments.parse({ label_selector: 'team=pay', ns: 'production' }),
      real,
    );
    expect(real.reverts).toEqual([]);
    expect(
      ['pay-a', 'pay-b', 'other'].map((name) => Boolean(server.store.get('apps/deployments', 'production', name))),
    ).toEqual([false, false, true]);
  });
});
