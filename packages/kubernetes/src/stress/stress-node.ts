import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { stressNgArgs } from './stress-ng-args.js';
import { stressResources } from './stress-resources.js';
import { runStressPod, stressPodName } from './run-stress-pod.js';

/**
 * The seed's `chaosk8s.node.actions.stress_node` (chaosk8s has no such function): a short-lived
 * stress-ng pod pinned to the node for `duration`, then deleted; reverted (deleted) on interruption.
 */
export const stressNode = defineActivity({
  name: 'stress_node',
  type: 'action',
  description:
    'Load a node with stress-ng (e.g. stressors ["cpu:4"]) from a pod pinned to it for duration seconds, then delete the pod.',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: z.strictObject({
    node_name: z.string().min(1).describe('node to stress'),
    stressors: z
      .union([
        z
          .string()
          .min(1)
          .transform((value) => [value]),
        z.array(z.string().min(1)).min(1),
      ])
      .default(['cpu:1'])
      .describe('stress-ng stressors, e.g. ["cpu:4", "vm:1", "vm-bytes:256M"]'),
    duration: kubeArguments.seconds().default(60).describe('seconds (or "2m")'),
    image: z
      .string()
      .min(1)
      .optional()
      .describe('image with stress-ng as entrypoint (settings kubernetes.stress_image)'),
    ns: kubeArguments.ns().describe('namespace of the stress pod'),
    resources: stressResources,
    start_timeout: kubeArguments
      .seconds()
      .default(60)
      .describe('seconds the stress container has to start before the activity fails'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'stress_node');
    guard.checkNamespace(args.ns);
    const stressArgs = stressNgArgs(args.stressors, args.duration);
    const image = args.image ?? guard.settings.stressImage;
    const client = await getKubeClient(ctx);
    let node;
    try {
      node = await client.core.readNode({ name: args.node_name });
    } catch (error) {
      throw kubeFailure(`stress_node: reading node ${args.node_name}`, error);
    }
    await guard.checkOptIn(client, [{ kind: 'Node', name: args.node_name, labels: node.metadata?.labels }]);
    const name = stressPodName(args.node_name);
    if (guard.dryRun) {
      guard.noteDryRun(`would run stress-ng ${stressArgs.join(' ')} on node ${args.node_name} for ${args.duration}s`);
      return {
        dryRun: true,
        node: args.node_name,
        image,
        args: stressArgs,
        duration: args.duration,
        safety: guard.decisions,
      };
    }
    const result = await runStressPod(
      client,
      ctx,
      'stress_node',
      {
        name,
        namespace: args.ns,
        image,
        args: stressArgs,
        fault: 'stress-node',
        nodeName: args.node_name,
        ...(args.resources ? { resources: args.resources } : {}),
      },
      args.duration,
      guard.settings.emitEvents
        ? [{ kind: 'Node', apiVersion: 'v1', name: args.node_name, uid: node.metadata?.uid }]
        : [],
      args.start_timeout,
    );
    return {
      dryRun: false,
      node: args.node_name,
      image,
      args: stressArgs,
      duration: args.duration,
      ...result,
      safety: guard.decisions,
    };
  },
});
