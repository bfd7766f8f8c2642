import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { daemonSetStatus } from './daemon-set-status.js';

/** True when the daemon set has at least one ready pod. */
export const daemonSetPartiallyAvailable = defineActivity({
  name: 'daemon_set_partially_available',
  type: 'probe',
  description: 'True when the daemon set exists with at least one ready pod (false otherwise).',
  python: ['chaosk8s.daemonset.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
  }),
  async run(args, ctx) {
    const sets = await daemonSetStatus(ctx, 'daemon_set_partially_available', args);
    // chaosk8s answers from the first daemon set found.
    return sets.length > 0 && sets[0]!.numberReady >= 1;
  },
});
