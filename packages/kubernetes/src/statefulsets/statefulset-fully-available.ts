import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readinessProbe } from '../workloads/readiness-probe.js';

/** Wait until every expected replica of the stateful set is ready (true), or fail after timeout seconds. */
export const statefulsetFullyAvailable = defineActivity({
  name: 'statefulset_fully_available',
  type: 'probe',
  description: 'Wait until every expected replica of the stateful set is ready (true), or fail after timeout seconds.',
  python: ['chaosk8s.statefulset.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('stateful-set name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    timeout: kubeArguments.seconds().default(30).describe('seconds to wait (or "2m")'),
    raise_on_not_fully_available: kubeArguments
      .boolean()
      .default(true)
      .describe('fail the probe instead of returning false'),
  }),
  run: (args, ctx) =>
    readinessProbe(
      'statefulsets',
      true,
      {
        name: args.name,
        ns: args.ns,
        label_selector: args.label_selector,
        timeout: args.timeout,
        raise: args.raise_on_not_fully_available,
      },
      ctx,
    ),
});
