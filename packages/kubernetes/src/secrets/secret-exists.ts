import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { listObjects } from '../objects/list-objects.js';

/** True when a secret matches the name and/or label selector (any secret of the namespace when neither is set). */
export const secretExists = defineActivity({
  name: 'secret_exists',
  type: 'probe',
  description: 'True when a secret with this name and/or label selector exists in the namespace.',
  python: ['chaosk8s.secret.probes', 'chaosk8s.probes'],
  arguments: z.strictObject({
    name: z.string().optional(),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
  }),
  async run(args, ctx) {
    const items = await listObjects(ctx, 'secret_exists', {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: args.ns,
      name: args.name,
      labelSelector: args.label_selector,
    });
    if (items.length === 0) ctx.logger.debug(`secret '${args.name ?? args.label_selector ?? ''}' does not exist`);
    // Only the answer: a secret's data never leaves this function.
    return items.length > 0;
  },
});
