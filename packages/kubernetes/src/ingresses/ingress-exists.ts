import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { listObjects } from '../objects/list-objects.js';

/** True when the ingress exists. */
export const ingressExists = defineActivity({
  name: 'ingress_exists',
  type: 'probe',
  description: 'True when an ingress of this name exists in the namespace.',
  python: ['chaosk8s.networking.probes'],
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  async run(args, ctx) {
    const items = await listObjects(ctx, 'ingress_exists', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      namespace: args.ns,
      name: args.name,
    });
    if (items.length === 0) ctx.logger.debug(`ingress '${args.name}' does not exist`);
    return items.length > 0;
  },
});
