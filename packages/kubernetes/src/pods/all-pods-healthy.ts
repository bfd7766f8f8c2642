import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { listPods } from './list-pods.js';

/** True when no pod of the namespace is Failed or outside Running/Succeeded. */
export const allPodsHealthy = defineActivity({
  name: 'all_pods_healthy',
  type: 'probe',
  description: 'Check that every pod of the namespace is Running or Succeeded.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    ns: kubeArguments.ns(),
    raise_on_any_unhealthy: kubeArguments.boolean().default(true).describe('fail the probe instead of returning false'),
  }),
  async run(args, ctx) {
    const pods = await listPods(await getKubeClient(ctx), args.ns, {}, ctx.signal);
    const failed = pods.filter((pod) => pod.status.phase === 'Failed').map((pod) => pod.metadata.name);
    const notReady = pods
      .filter((pod) => !['Running', 'Succeeded', 'Failed'].includes(pod.status.phase ?? ''))
      .map((pod) => pod.metadata.name);
    if (failed.length === 0 && notReady.length === 0) return true;
    // Unlike chaosk8s, say which pods are unhealthy.
    const message = `the system is unhealthy: ${[failed.length ? `failed: ${failed.join(', ')}` : '', notReady.length ? `not ready: ${notReady.join(', ')}` : ''].filter(Boolean).join('; ')}`;
    if (args.raise_on_any_unhealthy) throw new ActivityFailedError(message);
    ctx.logger.debug(message);
    return false;
  },
});
