import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { listPods } from './list-pods.js';

/** True when no pod matching the selector is in `phase`; raises (or returns false) otherwise. */
export const podsNotInPhase = defineActivity({
  name: 'pods_not_in_phase',
  type: 'probe',
  description: 'Check that no pod matching the label selector is in the given phase.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    label_selector: z.string().describe('label selector of the pods'),
    phase: z.string().default('Running'),
    ns: kubeArguments.ns(),
    raise_on_in_phase: kubeArguments.boolean().default(true).describe('fail the probe instead of returning false'),
  }),
  async run(args, ctx) {
    const pods = await listPods(await getKubeClient(ctx), args.ns, { labelSelector: args.label_selector }, ctx.signal);
    const fail = (message: string) => {
      if (args.raise_on_in_phase) throw new ActivityFailedError(message);
      ctx.logger.debug(message);
      return false;
    };
    if (pods.length === 0) return fail(`no pods '${args.label_selector}' were found in namespace ${args.ns}`);
    const inPhase = pods.find((pod) => pod.status.phase === args.phase);
    if (inPhase)
      return fail(`pod '${inPhase.metadata.name}' ('${args.label_selector}') should not be in phase '${args.phase}'`);
    return true;
  },
});
