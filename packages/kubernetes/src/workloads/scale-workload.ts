import type { ActivityContext } from '@faultline/core';
import { revertFlagArgument } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';

const kinds = {
  deployments: { kind: 'Deployment', activity: 'scale_deployment' },
  statefulsets: { kind: 'StatefulSet', activity: 'scale_statefulset' },
} as const;

/**
 * Scale a Deployment or StatefulSet through its scale subresource. The revert (scale back to the
 * replicas it had) is registered before the change; as a rollback it registers nothing. Run as that
 * revert (`_faultline_revert`) it records a FaultReverted event and skips the min-ready guard:
 * going back to the replicas the workload had is never refused.
 */
export async function scaleWorkload(
  plural: 'deployments' | 'statefulsets',
  args: { name: string; replicas: number; ns: string; _faultline_revert?: boolean },
  ctx: ActivityContext,
): Promise<Record<string, unknown>> {
  // Guards are skipped only when the engine itself runs a revert, never on an experiment's say-so.
  const isRevert = args._faultline_revert === true && ctx.isRevert === true;
  const { kind, activity } = kinds[plural];
  const guard = new SafetyGuard(ctx, activity);
  guard.checkNamespace(args.ns);
  const client = await getKubeClient(ctx);
  const read =
    plural === 'deployments'
      ? () => client.apps.readNamespacedDeployment({ name: args.name, namespace: args.ns })
      : () => client.apps.readNamespacedStatefulSet({ name: args.name, namespace: args.ns });
  let current;
  try {
    current = await read();
  } catch (error) {
    throw kubeFailure(`${activity}: reading ${kind} ${args.ns}/${args.name}`, error);
  }
  const previous = current.spec?.replicas ?? 1;
  await guard.checkOptIn(client, [{ kind, name: args.name, namespace: args.ns, labels: current.metadata?.labels }]);
  if (!isRevert) guard.checkMinReplicas(`${kind} ${args.ns}/${args.name}`, previous, args.replicas);
  if (guard.dryRun) {
    guard.noteDryRun(`would scale ${kind} ${args.ns}/${args.name} from ${previous} to ${args.replicas} replicas`);
    return {
      dryRun: true,
      kind,
      name: args.name,
      ns: args.ns,
      previousReplicas: previous,
      replicas: args.replicas,
      safety: guard.decisions,
    };
  }
  ctx.registerRevert({
    title: `scale ${kind} ${args.ns}/${args.name} back to ${previous} replicas`,
    driver: '@faultline/kubernetes',
    func: activity,
    arguments: { name: args.name, replicas: previous, ns: args.ns, ...revertFlagArgument },
  });
  const events = await emitFaultEvents(
    client,
    ctx,
    activity,
    [{ kind, apiVersion: 'apps/v1', name: args.name, namespace: args.ns, uid: current.metadata?.uid }],
    isRevert
      ? `${activity}: reverting, scaling back from ${previous} to ${args.replicas} replicas`
      : `${activity}: scaling from ${previous} to ${args.replicas} replicas`,
    guard.settings.emitEvents,
    isRevert ? 'FaultReverted' : 'FaultInjected',
  );
  try {
    const body = { spec: { replicas: args.replicas } };
    if (plural === 'deployments')
      await client.apps.patchNamespacedDeploymentScale(
        { name: args.name, namespace: args.ns, body },
        client.mergePatch,
      );
    else
      await client.apps.patchNamespacedStatefulSetScale(
        { name: args.name, namespace: args.ns, body },
        client.mergePatch,
      );
  } catch (error) {
    throw kubeFailure(`${activity}: failed to scale '${args.name}' to ${args.replicas} replicas`, error);
  }
  return {
    dryRun: false,
    kind,
    name: args.name,
    ns: args.ns,
    previousReplicas: previous,
    replicas: args.replicas,
    events,
    safety: guard.decisions,
  };
}
