import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { isConflict, isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { restartAnnotation } from './restart-annotation.js';

/**
 * The revert of rollout_deployment: put back the restartedAt annotation the pod template had (null:
 * remove it). When the annotation no longer holds the value the rollout wrote, someone restarted the
 * deployment since: that newer restart is left alone (and reported).
 */
export const restoreDeploymentRestart = defineActivity({
  name: 'restore_deployment_restart',
  type: 'action',
  description:
    "Restore the restartedAt annotation of a deployment's pod template to its value before rollout_deployment (used as revert).",
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    ns: kubeArguments.ns(),
    restarted_at: z.string().nullable().describe('the annotation to put back; null removes it'),
    injected: z
      .string()
      .optional()
      .describe('the value rollout_deployment wrote: restore only while it is still there'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'restore_deployment_restart');
    const client = await getKubeClient(ctx);
    let current;
    // Read, decide, patch with that read's resourceVersion; a concurrent edit (409) means read again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        current = await client.apps.readNamespacedDeployment({ name: args.name, namespace: args.ns });
      } catch (error) {
        if (isNotFound(error)) {
          ctx.logger.warn(`restore_deployment_restart: deployment ${args.ns}/${args.name} is gone: nothing to restore`);
          return { restored: false, reason: 'deployment not found' };
        }
        throw kubeFailure(`restore_deployment_restart: reading deployment ${args.ns}/${args.name}`, error);
      }
      const now = current.spec?.template?.metadata?.annotations?.[restartAnnotation] ?? null;
      if (now === args.restarted_at) return { restored: false, reason: 'already as before' };
      if (args.injected !== undefined && now !== args.injected) {
        ctx.logger.warn(
          `restore_deployment_restart: ${args.ns}/${args.name} was restarted again since (restartedAt ${String(now)}): left as it is`,
        );
        return { restored: false, reason: 'restarted again since the fault' };
      }
      if (guard.dryRun) {
        guard.noteDryRun(`would set restartedAt of ${args.ns}/${args.name} back to ${String(args.restarted_at)}`);
        return { dryRun: true, restored: false, safety: guard.decisions };
      }
      // Merge patch: null deletes the key. resourceVersion makes a concurrent edit a 409, not a lost write.
      const body = {
        metadata: { resourceVersion: current.metadata?.resourceVersion },
        spec: { template: { metadata: { annotations: { [restartAnnotation]: args.restarted_at } } } },
      };
      try {
        await client.apps.patchNamespacedDeployment({ name: args.name, namespace: args.ns, body }, client.mergePatch);
        break;
      } catch (error) {
        if (!isConflict(error) || attempt >= 5)
          throw kubeFailure(`restore_deployment_restart: patching deployment ${args.ns}/${args.name}`, error);
        ctx.logger.warn(
          `restore_deployment_restart: ${args.ns}/${args.name} changed meanwhile (409): reading it again`,
        );
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    const events = await emitFaultEvents(
      client,
      ctx,
      'restore_deployment_restart',
      [{ kind: 'Deployment', apiVersion: 'apps/v1', name: args.name, namespace: args.ns, uid: current.metadata?.uid }],
      `restore_deployment_restart: reverting rollout_deployment, restartedAt ${args.restarted_at === null ? 'removed' : `back to ${args.restarted_at}`}`,
      guard.settings.emitEvents,
      'FaultReverted',
    );
    return { restored: true, restartedAt: args.restarted_at, events };
  },
});
