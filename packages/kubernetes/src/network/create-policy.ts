import { ActivityFailedError, type ActivityContext } from '@faultline/core';
import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { revertFlagArgument } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeErrorInfo, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';

/**
 * Create a NetworkPolicy after the safety checks, with its removal registered first. A policy of
 * that name that already exists is not ours: the revert is withdrawn and the activity fails.
 */
export async function createPolicy(
  activity: string,
  policy: V1NetworkPolicy,
  ns: string,
  revert: { func: string; arguments: Record<string, unknown> },
  ctx: ActivityContext,
): Promise<Record<string, unknown>> {
  const guard = new SafetyGuard(ctx, activity);
  guard.checkNamespace(ns);
  const client = await getKubeClient(ctx);
  const name = policy.metadata!.name!;
  if (guard.settings.requireOptIn) await guard.checkOptIn(client, [{ kind: 'Namespace', name: ns, namespace: ns }]);
  if (guard.dryRun) {
    guard.noteDryRun(`would create NetworkPolicy ${ns}/${name}`);
    return { dryRun: true, policy: name, ns, spec: policy.spec, safety: guard.decisions };
  }
  const labels = {
    'app.kubernetes.io/managed-by': 'faultline',
    'faultline.io/run-id': ctx.runId.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63),
  };
  const body: V1NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    ...policy,
    metadata: { ...policy.metadata, labels: { ...labels, ...policy.metadata?.labels } },
  };
  const handle = ctx.registerRevert({
    title: `remove NetworkPolicy ${ns}/${name}`,
    driver: '@faultline/kubernetes',
    func: revert.func,
    arguments: { ...revert.arguments, ...revertFlagArgument },
  });
  let created: V1NetworkPolicy;
  try {
    created = await client.networking.createNamespacedNetworkPolicy({ namespace: ns, body });
  } catch (error) {
    handle.done();
    if (kubeErrorInfo(error)?.code === 409)
      throw new ActivityFailedError(
        `${activity}: NetworkPolicy ${ns}/${name} already exists and was not created by this activity`,
        { hint: `remove it first if it is a leftover: kubectl -n ${ns} delete networkpolicy ${name}` },
      );
    throw kubeFailure(`${activity}: creating NetworkPolicy ${ns}/${name}`, error);
  }
  const events = await emitFaultEvents(
    client,
    ctx,
    activity,
    [{ kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', name, namespace: ns, uid: created.metadata?.uid }],
    `${activity}: NetworkPolicy ${name} created`,
    guard.settings.emitEvents,
  );
  return { dryRun: false, policy: name, ns, events, safety: guard.decisions };
}
