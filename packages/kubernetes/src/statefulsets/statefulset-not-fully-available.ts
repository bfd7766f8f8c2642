import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readinessProbe } from '../workloads/readiness-probe.js';

/** Wait until the stateful set has fewer ready replicas than expected (true), or fail after timeout seconds. */
export const statefulsetNotFullyAvailable = defineActivity({
  name: 'statefulset_not_fully_available',
  type: 'probe',
  description:
    'Wait until the stateful set has fewer ready replicas than expected (true), or fail after timeout seconds.',
  python: ['chaosk8s.statefulset.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('stateful-set name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    timeout: kubeArguments.seconds().default(30).describe('seconds to wait (or "2m")'),
    raise_on_fully_available: kubeArguments
      .boolean()
      .default(true)
      .describe('fail the probe instead of returning false'),
  }),
  run: (args, ctx) =>
    readinessProbe(
      'statefulsets',
      false,
      {
        name: args.name,
        ns: args.ns,
        label_selector: args.label_selector,
        timeout: args.timeout,
        raise: args.raise_on_fully_available,
      },
      ctx,
    ),
});
