import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents, type EventTarget } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';

/**
 * The revert of stress_pods: an ephemeral container cannot be removed, so each pod still carrying
 * it is deleted when a controller will replace it; an unmanaged pod is left to stress-ng's own
 * timeout (and reported), because deleting it would lose it.
 */
export const stopPodStress = defineActivity({
  name: 'stop_pod_stress',
  type: 'action',
  description:
    'Stop the stress of stress_pods early by restarting the managed pods that carry its ephemeral container.',
  arguments: z.strictObject({ pods: z.array(z.string()), container: z.string().min(1), ns: kubeArguments.ns() }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    const restarted: string[] = [];
    const left: string[] = [];
    const targets: EventTarget[] = [];
    await mapLimited(args.pods, client.limiter, async (name) => {
      let pod;
      try {
        pod = await client.core.readNamespacedPod({ name, namespace: args.ns });
      } catch (error) {
        if (isNotFound(error)) return;
        throw error;
      }
      if (!(pod.spec?.ephemeralContainers ?? []).some((container) => container.name === args.container)) return;
      if (!pod.metadata?.ownerReferences?.some((ref) => ref.controller)) {
        left.push(name);
        return;
      }
      try {
        await client.core.deleteNamespacedPod({ name, namespace: args.ns });
        restarted.push(name);
        targets.push({ kind: 'Pod', apiVersion: 'v1', name, namespace: args.ns, uid: pod.metadata?.uid });
      } catch (error) {
        if (!isNotFound(error)) throw kubeFailure(`stop_pod_stress: deleting pod ${args.ns}/${name}`, error);
      }
    });
    if (left.length > 0)
      ctx.logger.warn(`stop_pod_stress: unmanaged pod(s) ${left.join(', ')} keep the stress until its timeout`);
    // FaultReverted on the pods restarted to stop the stress (the run's record in `kubectl get events`).
    const events = await emitFaultEvents(
      client,
      ctx,
      'stop_pod_stress',
      targets,
      `stop_pod_stress: reverting stress_pods, pod restarted to drop container ${args.container}`,
      new SafetyGuard(ctx, 'stop_pod_stress').settings.emitEvents,
      'FaultReverted',
    );
    return { restarted, left, events };
  },
});
