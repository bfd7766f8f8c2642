import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { allPodsHealthy } from '../pods/all-pods-healthy.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated all_microservices_healthy: all_pods_healthy of the namespace. */
export const allMicroservicesHealthy = defineActivity({
  name: 'all_microservices_healthy',
  type: 'probe',
  description: 'Deprecated in chaosk8s in favour of all_pods_healthy: every pod of the namespace is healthy, or fail.',
  python: ['chaosk8s.probes'],
  arguments: z.strictObject({ ns: kubeArguments.ns() }),
  async run(args, ctx) {
    deprecated(ctx, 'all_microservices_healthy', 'all_pods_healthy');
    return allPodsHealthy.run(allPodsHealthy.arguments.parse({ ns: args.ns }), ctx);
  },
});
