import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { terminatePods } from './terminate-pods.js';

/** chaosk8s's deprecated delete_pods: terminate_pods with name_pattern = name. */
export const deletePods = defineActivity({
  name: 'delete_pods',
  type: 'action',
  description:
    'Deprecated in chaosk8s in favour of terminate_pods: delete the pods matching a name pattern and/or label selector.',
  python: ['chaosk8s.pod.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().optional().describe('regular expression searched in pod names'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
  }),
  run(args, ctx) {
    ctx.logger.warn('delete_pods is deprecated (as in chaosk8s): use terminate_pods');
    // chaosk8s passes only these, so the default qty of 1 applies.
    return terminatePods.run(
      terminatePods.arguments.parse({ name_pattern: args.name, label_selector: args.label_selector, ns: args.ns }),
      ctx,
    );
  },
});
