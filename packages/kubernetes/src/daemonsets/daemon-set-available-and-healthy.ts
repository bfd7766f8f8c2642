import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { daemonSetStatus } from './daemon-set-status.js';

/** True when the daemon set exists and every pod it should schedule is ready. */
export const daemonSetAvailableAndHealthy = defineActivity({
  name: 'daemon_set_available_and_healthy',
  type: 'probe',
  description: 'True when the daemon set exists and all its desired pods are ready (false otherwise).',
  python: ['chaosk8s.daemonset.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
  }),
  async run(args, ctx) {
    const sets = await daemonSetStatus(ctx, 'daemon_set_available_and_healthy', args);
    if (sets.length === 0) ctx.logger.debug(`daemon set '${args.name}' was not found`);
    return sets.length > 0 && sets.every((set) => set.numberReady === set.desiredNumberScheduled);
  },
});
