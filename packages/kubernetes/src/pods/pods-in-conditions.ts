import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { listPods } from './list-pods.js';

/** True when every pod matching the selector has all the given {type, status} conditions. */
export const podsInConditions = defineActivity({
  name: 'pods_in_conditions',
  type: 'probe',
  description:
    'Check that every pod matching the label selector has the given conditions (e.g. {type: Ready, status: "True"}).',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    label_selector: z.string().describe('label selector of the pods'),
    conditions: z.array(z.strictObject({ type: z.string(), status: z.string() })).min(1),
    ns: kubeArguments.ns(),
    raise_on_invalid_conditions: kubeArguments
      .boolean()
      .default(true)
      .describe('fail the probe instead of returning false'),
  }),
  async run(args, ctx) {
    const pods = await listPods(await getKubeClient(ctx), args.ns, { labelSelector: args.label_selector }, ctx.signal);
    const fail = (message: string) => {
      if (args.raise_on_invalid_conditions) throw new ActivityFailedError(message);
      ctx.logger.debug(message);
      return false;
    };
    if (pods.length === 0) return fail(`no pods '${args.label_selector}' were found in namespace ${args.ns}`);
    for (const pod of pods) {
      for (const wanted of args.conditions) {
        if (
          !(pod.status.conditions ?? []).some(
            (condition) => condition.type === wanted.type && condition.status === wanted.status,
          )
        ) {
          return fail(
            `pod ${pod.metadata.name} does not match the following given condition: ${JSON.stringify(wanted)}`,
          );
        }
      }
    }
    return true;
  },
});
