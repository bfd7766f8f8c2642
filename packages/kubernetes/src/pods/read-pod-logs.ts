import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { listPods } from './list-pods.js';

/** Logs of the pods labelled `name in (<name>)` (or matching label_selector), keyed by pod name. */
export const readPodLogs = defineActivity({
  name: 'read_pod_logs',
  type: 'probe',
  description: 'Fetch the logs of the pods matching the label selector, as {pod name: logs}.',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    name: z.string().optional().describe('value of the "name" label (used by the default label_selector)'),
    last: kubeArguments.seconds().optional().describe('only the last N seconds, e.g. 600 or "10m"'),
    ns: kubeArguments.ns(),
    from_previous: kubeArguments.boolean().default(false).describe("logs of the container's previous incarnation"),
    label_selector: z.string().default('name in ({name})').describe('"{name}" is replaced by name'),
    container_name: z.string().optional(),
  }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    const labelSelector = args.label_selector.replaceAll('{name}', args.name ?? 'None');
    const pods = await listPods(client, args.ns, { labelSelector }, ctx.signal);
    const results = await mapLimited(
      pods,
      client.limiter,
      (pod) =>
        client.core.readNamespacedPodLog({
          name: pod.metadata.name,
          namespace: args.ns,
          follow: false,
          previous: args.from_previous,
          timestamps: true,
          ...(args.container_name ? { container: args.container_name } : {}),
          ...(args.last ? { sinceSeconds: Math.max(1, Math.round(args.last)) } : {}),
        }),
      ctx.signal,
    );
    const logs: Record<string, string> = {};
    for (const result of results) {
      if (result.error) throw kubeFailure(`reading the logs of pod ${result.item.metadata.name}`, result.error);
      logs[result.item.metadata.name] = String(result.result ?? '');
    }
    return logs;
  },
});
