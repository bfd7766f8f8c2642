import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { serviceIsInitialized } from '../services/service-is-initialized.js';
import { deprecated } from './deprecated.js';

/**
 * chaosk8s's deprecated service_endpoint_is_initialized: service_is_initialized. chaosk8s passes the
 * default selector "name in ({name})" unformatted (an invalid selector); here {name} is replaced.
 */
export const serviceEndpointIsInitialized = defineActivity({
  name: 'service_endpoint_is_initialized',
  type: 'probe',
  description: 'Deprecated in chaosk8s in favour of service_is_initialized: the service exists, or fail.',
  python: ['chaosk8s.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: z.string().default('name in ({name})').describe('"{name}" is replaced by name'),
  }),
  async run(args, ctx) {
    deprecated(ctx, 'service_endpoint_is_initialized', 'service_is_initialized');
    return serviceIsInitialized.run(
      serviceIsInitialized.arguments.parse({
        name: args.name,
        ns: args.ns,
        label_selector: args.label_selector.replaceAll('{name}', args.name),
      }),
      ctx,
    );
  },
});
