import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { restartAnnotation } from './restart-annotation.js';

/**
 * Restart a deployment's pods like `kubectl rollout restart`: a new restartedAt annotation on the
 * pod template. A restart cannot be undone — its pods are already replaced — and putting the old
 * annotation back would roll every pod a second time, so by default nothing is registered to
 * revert. With `restore_annotation: true` the revert (registered before the patch) puts the
 * previous annotation back (or removes it), at the price of that second rolling restart, so the
 * pod template ends as it was found (for GitOps tools that would flag the drift).
 */
export const rolloutDeployment = defineActivity({
  name: 'rollout_deployment',
  type: 'action',
  description:
    'Restart a deployment with a rolling update (kubectl rollout restart); reverted by restoring the previous restartedAt annotation of its pod template.',
  python: ['chaosk8s.deployment.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    ns: kubeArguments.ns(),
    restore_annotation: kubeArguments
      .boolean()
      .default(false)
      .describe('revert by restoring the previous restartedAt annotation (a second rolling restart)'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'rollout_deployment');
    guard.checkNamespace(args.ns);
    const client = await getKubeClient(ctx);
    let current;
    try {
      current = await client.apps.readNamespacedDeployment({ name: args.name, namespace: args.ns });
    } catch (error) {
      throw kubeFailure(`rollout_deployment: reading deployment ${args.ns}/${args.name}`, error);
    }
    const previous = current.spec?.template?.metadata?.annotations?.[restartAnnotation] ?? null;
    await guard.checkOptIn(client, [
      { kind: 'Deployment', name: args.name, namespace: args.ns, labels: current.metadata?.labels },
    ]);
    if (guard.dryRun) {
      guard.noteDryRun(`would restart deployment ${args.ns}/${args.name}`);
      return { dryRun: true, name: args.name, ns: args.ns, previousRestartedAt: previous, safety: guard.decisions };
    }
    const restartedAt = new Date().toISOString();
    if (args.restore_annotation)
      ctx.registerRevert({
        title:
          previous === null
            ? `remove the restartedAt annotation of deployment ${args.ns}/${args.name}`
            : `restore the restartedAt annotation of deployment ${args.ns}/${args.name} to ${previous}`,
        driver: '@faultline/kubernetes',
        func: 'restore_deployment_restart',
        arguments: { name: args.name, ns: args.ns, restarted_at: previous, injected: restartedAt },
      });
    const events = await emitFaultEvents(
      client,
      ctx,
      'rollout_deployment',
      [{ kind: 'Deployment', apiVersion: 'apps/v1', name: args.name, namespace: args.ns, uid: current.metadata?.uid }],
      'rollout_deployment: rolling restart',
      guard.settings.emitEvents,
    );
    try {
      await client.apps.patchNamespacedDeployment(
        {
          name: args.name,
          namespace: args.ns,
          body: { spec: { template: { metadata: { annotations: { [restartAnnotation]: restartedAt } } } } },
        },
        client.strategicMergePatch,
      );
    } catch (error) {
      throw kubeFailure(`rollout_deployment: failed to rollout the deployment '${args.name}'`, error);
    }
    return {
      dryRun: false,
      name: args.name,
      ns: args.ns,
      restartedAt,
      previousRestartedAt: previous,
      events,
      safety: guard.decisions,
    };
  },
});
