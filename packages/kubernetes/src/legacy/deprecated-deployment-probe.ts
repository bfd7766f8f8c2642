import { z } from 'zod';
import { defineActivity, type ActivityDefinition } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deprecated } from './deprecated.js';

/**
 * chaosk8s's deprecated `deployment_is_(not_)fully_available`: the old name and arguments, a
 * deprecation warning, then the current probe with its own defaults.
 */
export function deprecatedDeploymentProbe<S extends z.ZodType>(
  name: string,
  current: ActivityDefinition<S>,
  waitsFor: string,
) {
  return defineActivity({
    name,
    type: 'probe',
    description: `Deprecated in chaosk8s in favour of ${current.name}: wait until ${waitsFor}, or fail after timeout seconds.`,
    python: ['chaosk8s.probes'],
    arguments: z.strictObject({
      name: z.string().min(1).describe('deployment name'),
      ns: kubeArguments.ns(),
      label_selector: kubeArguments.labelSelector(),
      timeout: kubeArguments.seconds().default(30).describe('seconds to wait (or "2m")'),
    }),
    async run(args, ctx) {
      deprecated(ctx, name, current.name);
      return current.run(current.arguments.parse(args), ctx);
    },
  });
}
