import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { listObjects } from '../objects/list-objects.js';

/** True when a service matches the name and/or label selector; fails (or false) when none does. */
export const serviceIsInitialized = defineActivity({
  name: 'service_is_initialized',
  type: 'probe',
  description:
    'True when a service with this name and/or label selector exists; fails otherwise unless told not to raise.',
  python: ['chaosk8s.service.probes'],
  arguments: z.strictObject({
    name: z.string().optional(),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    raise_if_service_not_initialized: kubeArguments.boolean().default(true),
  }),
  async run(args, ctx) {
    const items = await listObjects(ctx, 'service_is_initialized', {
      apiVersion: 'v1',
      kind: 'Service',
      namespace: args.ns,
      name: args.name,
      labelSelector: args.label_selector,
    });
    if (items.length > 0) return true;
    const message = `service '${args.name ?? args.label_selector ?? ''}' is not initialized`;
    if (!args.raise_if_service_not_initialized) return false;
    throw new ActivityFailedError(message, { hint: `no service matched in namespace ${args.ns}` });
  },
});
