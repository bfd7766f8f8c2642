import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { listPods } from './list-pods.js';

/** True when every pod matching the selector is in `phase`; raises (or returns false) otherwise. */
export const podsInPhase = defineActivity({
  name: 'pods_in_phase',
  type: 'probe',
  description: 'Check that every pod matching the label selector is in the given phase.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    label_selector: z.string().describe('label selector of the pods'),
    phase: z.string().default('Running'),
    ns: kubeArguments.ns(),
    raise_on_invalid_phase: kubeArguments.boolean().default(true).describe('fail the probe instead of returning false'),
  }),
  async run(args, ctx) {
    const pods = await listPods(await getKubeClient(ctx), args.ns, { labelSelector: args.label_selector }, ctx.signal);
    const fail = (message: string) => {
      if (args.raise_on_invalid_phase) throw new ActivityFailedError(message);
      ctx.logger.debug(message);
      return false;
    };
    if (pods.length === 0) return fail(`no pods '${args.label_selector}' were found in namespace ${args.ns}`);
    const wrong = pods.find((pod) => pod.status.phase !== args.phase);
    if (wrong)
      return fail(
        `pod '${wrong.metadata.name}' ('${args.label_selector}') is in phase '${wrong.status.phase}' but should be '${args.phase}'`,
      );
    return true;
  },
});
