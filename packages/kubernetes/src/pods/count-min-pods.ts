import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { countPods } from './count-pods.js';

/** True when at least `min_count` pods matching the selector are in `phase`. */
export const countMinPods = defineActivity({
  name: 'count_min_pods',
  type: 'probe',
  description: 'Check that at least min_count pods matching the label selector are in the phase.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    label_selector: z.string().describe('label selector of the pods'),
    phase: z.string().default('Running'),
    min_count: kubeArguments.integer(0).default(2),
    ns: kubeArguments.ns(),
  }),
  async run(args, ctx) {
    const count = (await countPods.run(
      { label_selector: args.label_selector, phase: args.phase, ns: args.ns },
      ctx,
    )) as number;
    return count >= args.min_count;
  },
});
