import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readinessProbe } from '../workloads/readiness-probe.js';

/** Wait until the deployment has fewer ready replicas than expected (true), or fail after timeout seconds. */
export const deploymentNotFullyAvailable = defineActivity({
  name: 'deployment_not_fully_available',
  type: 'probe',
  description:
    'Wait until the deployment has fewer ready replicas than expected (true), or fail after timeout seconds.',
  python: ['chaosk8s.deployment.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
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
      'deployments',
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
