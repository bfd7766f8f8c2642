import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { recreatable, type KubeManifest } from '../objects/kube-manifest.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { selectNodes } from './select-nodes.js';

/**
 * Delete Node objects chosen like chaosk8s does: the first match by default, `count` random ones,
 * one random with `rand`, or every match with `all`. The node caps apply; the revert registers
 * the Node objects again (labels, taints, spec) so their kubelets keep reporting into them.
 */
export const deleteNodes = defineActivity({
  name: 'delete_nodes',
  type: 'action',
  description:
    'Delete nodes by label selector and/or the pods they run (first match, count random, or all); reverted by registering the Node objects again.',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: z.strictObject({
    label_selector: kubeArguments.labelSelector(),
    all: kubeArguments.boolean().default(false).describe('every matching node'),
    rand: kubeArguments.boolean().default(false).describe('one random matching node'),
    count: kubeArguments.integer(0).optional().describe('how many random matching nodes'),
    grace_period_seconds: kubeArguments.integer(0).optional(),
    pod_label_selector: z.string().optional().describe('only nodes running pods with these labels'),
    pod_namespace: z.string().optional().describe('namespace of those pods'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'delete_nodes');
    const client = await getKubeClient(ctx);
    const first = !args.all && !args.rand && (args.count === undefined || args.count < 1);
    const nodes = await selectNodes(
      client,
      {
        label_selector: args.label_selector,
        pod_label_selector: args.pod_label_selector,
        pod_namespace: args.pod_namespace,
        first,
        ...(args.all ? {} : { count: args.rand ? 1 : args.count }),
      },
      ctx.signal,
    );
    const names = nodes.map((node) => node.metadata!.name!);
    await guard.checkOptIn(
      client,
      nodes.map((node) => ({ kind: 'Node', name: node.metadata!.name!, labels: node.metadata?.labels })),
    );
    await guard.checkNodeBlastRadius(client, names, ctx.signal);
    if (guard.dryRun) {
      guard.noteDryRun(`would delete node(s) ${names.join(', ')}`);
      return { dryRun: true, nodes: names, safety: guard.decisions };
    }
    ctx.registerRevert({
      title: `register node(s) ${names.join(', ')} again`,
      driver: '@faultline/kubernetes',
      func: 'recreate_objects',
      arguments: {
        objects: nodes.map((node) =>
          recreatable({ ...(toPlainJson(node) as KubeManifest), apiVersion: 'v1', kind: 'Node' }),
        ),
      },
    });
    await emitFaultEvents(
      client,
      ctx,
      'delete_nodes',
      nodes.map((node) => ({ kind: 'Node', apiVersion: 'v1', name: node.metadata!.name!, uid: node.metadata?.uid })),
      'delete_nodes: deleting the node',
      guard.settings.emitEvents,
    );
    const results = await mapLimited(
      names,
      client.limiter,
      (name) =>
        client.core.deleteNode({
          name,
          ...(args.grace_period_seconds !== undefined ? { gracePeriodSeconds: args.grace_period_seconds } : {}),
        }),
      ctx.signal,
    );
    const failed = results.filter((result) => result.error && !isNotFound(result.error));
    if (failed.length > 0)
      throw new ActivityFailedError(
        `delete_nodes: could not delete ${failed.map((result) => result.item).join(', ')}: ${kubeFailure('', failed[0]!.error).message}`,
      );
    // chaosk8s returns the names of the nodes it deleted.
    return names;
  },
});
