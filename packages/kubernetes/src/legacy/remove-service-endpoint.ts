import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteService } from '../services/delete-service.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated remove_service_endpoint: delete_service. */
export const removeServiceEndpoint = defineActivity({
  name: 'remove_service_endpoint',
  type: 'action',
  description: 'Deprecated in chaosk8s in favour of delete_service: delete a service (reverted by creating it again).',
  python: ['chaosk8s.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  async run(args, ctx) {
    deprecated(ctx, 'remove_service_endpoint', 'delete_service');
    return deleteService.run(args, ctx);
  },
});
