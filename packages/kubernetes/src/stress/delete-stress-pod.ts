import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { removeStressPod } from './run-stress-pod.js';

/** Delete a stress pod (the revert of stress_node / stress_pods); a pod already gone is fine. */
export const deleteStressPod = defineActivity({
  name: 'delete_stress_pod',
  type: 'action',
  description: 'Delete a stress pod created by stress_node or stress_pods (their revert).',
  arguments: z.strictObject({
    name: z.string().min(1).describe('stress pod name'),
    ns: kubeArguments.ns(),
  }),
  async run(args, ctx) {
    const deleted = await removeStressPod(await getKubeClient(ctx), args.name, args.ns);
    return { pod: args.name, ns: args.ns, deleted };
  },
});
