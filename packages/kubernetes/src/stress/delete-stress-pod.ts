import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents, type EventTarget } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { removeStressPod } from './run-stress-pod.js';

/**
 * Delete a stress pod (the revert of stress_node / stress_pods); a pod already gone is fine. When it
 * was still there, a FaultReverted event goes on the node it stressed (or on the pod itself).
 */
export const deleteStressPod = defineActivity({
  name: 'delete_stress_pod',
  type: 'action',
  description: 'Delete a stress pod created by stress_node or stress_pods (their revert).',
  arguments: z.strictObject({
    name: z.string().min(1).describe('stress pod name'),
    ns: kubeArguments.ns(),
  }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    let target: EventTarget | undefined;
    try {
      const pod = await client.core.readNamespacedPod({ name: args.name, namespace: args.ns });
      target = pod.spec?.nodeName
        ? { kind: 'Node', apiVersion: 'v1', name: pod.spec.nodeName }
        : { kind: 'Pod', apiVersion: 'v1', name: args.name, namespace: args.ns, uid: pod.metadata?.uid };
    } catch (error) {
      if (!isNotFound(error)) throw kubeFailure(`delete_stress_pod: reading stress pod ${args.ns}/${args.name}`, error);
    }
    const deleted = await removeStressPod(client, args.name, args.ns);
    const events =
      deleted && target
        ? await emitFaultEvents(
            client,
            ctx,
            'delete_stress_pod',
            [target],
            `delete_stress_pod: reverting, stress pod ${args.ns}/${args.name} deleted`,
            new SafetyGuard(ctx, 'delete_stress_pod').settings.emitEvents,
            'FaultReverted',
          )
        : 0;
    return { pod: args.name, ns: args.ns, deleted, events };
  },
});
