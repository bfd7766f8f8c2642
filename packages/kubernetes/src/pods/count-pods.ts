import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { listPods } from './list-pods.js';

/** Number of pods matching the selector, in `phase` when one is given. */
export const countPods = defineActivity({
  name: 'count_pods',
  type: 'probe',
  description: 'Count the pods matching the label selector, optionally only those in a phase.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    label_selector: z.string().describe('label selector of the pods'),
    phase: z.string().optional(),
    ns: kubeArguments.ns(),
  }),
  async run(args, ctx) {
    const pods = await listPods(await getKubeClient(ctx), args.ns, { labelSelector: args.label_selector }, ctx.signal);
    return args.phase ? pods.filter((pod) => pod.status.phase === args.phase).length : pods.length;
  },
});
