import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { listPods } from './list-pods.js';

/** True when no pod labelled `name in (<name>)` is Running. */
export const podIsNotAvailable = defineActivity({
  name: 'pod_is_not_available',
  type: 'probe',
  description: 'Check that no pod with the given name label (or label selector) is Running.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: z.string().default('name in ({name})').describe('"{name}" is replaced by name'),
    raise_on_is_available: kubeArguments.boolean().default(true).describe('fail the probe instead of returning false'),
  }),
  async run(args, ctx) {
    const pods = await listPods(
      await getKubeClient(ctx),
      args.ns,
      { labelSelector: args.label_selector.replaceAll('{name}', args.name) },
      ctx.signal,
    );
    const running = pods.find((pod) => pod.status.phase === 'Running');
    if (!running) return true;
    const message = `pod '${args.name}' is actually running (${running.metadata.name})`;
    if (args.raise_on_is_available) throw new ActivityFailedError(message);
    ctx.logger.debug(message);
    return false;
  },
});
