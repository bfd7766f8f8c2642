import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { waitForDaemonSet } from './daemon-set-status.js';

/** Wait until every desired pod of the daemon set is ready: true, or false after timeout seconds. */
export const daemonSetFullyAvailable = defineActivity({
  name: 'daemon_set_fully_available',
  type: 'probe',
  description: 'Wait until every desired pod of the daemon set is ready: true, or false after timeout seconds.',
  python: ['chaosk8s.daemonset.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    timeout: kubeArguments.seconds().default(30).describe('seconds to wait (or "2m")'),
  }),
  run: (args, ctx) => waitForDaemonSet(ctx, 'daemon_set_fully_available', args, true),
});
