import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { podIsNotAvailable } from '../pods/pod-is-not-available.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated microservice_is_not_available: pod_is_not_available. */
export const microserviceIsNotAvailable = defineActivity({
  name: 'microservice_is_not_available',
  type: 'probe',
  description: 'Deprecated in chaosk8s in favour of pod_is_not_available: no pod of the microservice is running.',
  python: ['chaosk8s.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: z.string().default('name in ({name})').describe('"{name}" is replaced by name'),
  }),
  async run(args, ctx) {
    deprecated(ctx, 'microservice_is_not_available', 'pod_is_not_available');
    return podIsNotAvailable.run(podIsNotAvailable.arguments.parse(args), ctx);
  },
});
