import { ActivityFailedError, type ActivityContext } from '@faultline/core';
import type { V1Node } from '@kubernetes/client-node';
import { revertFlagArgument } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeErrorInfo } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { selectNodes, type NodeSelection } from './select-nodes.js';

/**
 * Cordon (unschedulable) or uncordon nodes. Only nodes whose state actually changes are touched and
 * get a revert (the opposite operation, by node name), registered before the patch — so a node that
 * was already cordoned before the experiment stays cordoned after it. Cordoning is capped by
 * max_nodes / max_node_percentage (checked by the caller when it passes `preselected` nodes);
 * run as a revert (`_faultline_revert`) it records FaultReverted events and skips the caps.
 */
export async function setUnschedulable(
  unschedulable: boolean,
  selection: NodeSelection & { _faultline_revert?: boolean },
  ctx: ActivityContext,
  preselected?: V1Node[],
): Promise<{ nodes: string[]; changed: string[]; dryRun: boolean; safety: unknown[]; events?: number }> {
  const activity = unschedulable ? 'cordon_node' : 'uncordon_node';
  const guard = new SafetyGuard(ctx, activity);
  const client = await getKubeClient(ctx);
  const nodes = preselected ?? (await selectNodes(client, selection, ctx.signal));
  const names = nodes.map((node) => node.metadata!.name!);
  const toChange = nodes.filter((node) => Boolean(node.spec?.unschedulable) !== unschedulable);
  const changed = toChange.map((node) => node.metadata!.name!);
  ctx.logger.info(`${activity}: ${names.length} node(s) selected, ${changed.length} to change`, {
    nodes: names,
    changed,
  });
  // Guards are skipped only when the engine itself runs a revert, never on an experiment's say-so.
  const isRevert = selection._faultline_revert === true && ctx.isRevert === true;
  if (unschedulable)
    await guard.checkOptIn(
      client,
      nodes.map((node) => ({ kind: 'Node', name: node.metadata!.name!, labels: node.metadata?.labels })),
    );
  if (unschedulable && !isRevert && !preselected) await guard.checkNodeBlastRadius(client, names, ctx.signal);
  if (guard.dryRun) {
    guard.noteDryRun(`would ${unschedulable ? 'cordon' : 'uncordon'} ${changed.length} node(s)`);
    return { dryRun: true, nodes: names, changed, safety: guard.decisions };
  }
  for (const name of changed) {
    ctx.registerRevert({
      title: `${unschedulable ? 'uncordon' : 'cordon'} node ${name}`,
      driver: '@faultline/kubernetes',
      func: unschedulable ? 'uncordon_node' : 'cordon_node',
      arguments: { name, ...revertFlagArgument },
    });
  }
  const eventTargets = toChange.map((node) => ({
    kind: 'Node',
    apiVersion: 'v1',
    name: node.metadata!.name!,
    uid: node.metadata?.uid,
  }));
  const events = isRevert
    ? await emitFaultEvents(
        client,
        ctx,
        activity,
        eventTargets,
        `${activity}: reverting, the node is ${unschedulable ? 'unschedulable again as before the fault' : 'schedulable again'}`,
        guard.settings.emitEvents,
        'FaultReverted',
      )
    : unschedulable
      ? await emitFaultEvents(
          client,
          ctx,
          activity,
          eventTargets,
          'cordon_node: marking the node unschedulable',
          guard.settings.emitEvents,
        )
      : 0;
  // kubectl uncordon removes the field rather than writing false; do the same.
  const body = { spec: { unschedulable: unschedulable ? true : null } };
  const results = await mapLimited(
    changed,
    client.limiter,
    (name) => client.core.patchNode({ name, body }, client.mergePatch),
    ctx.signal,
  );
  const failed = results.filter((result) => result.error);
  if (failed.length > 0) {
    const info = kubeErrorInfo(failed[0]!.error);
    throw new ActivityFailedError(
      `${activity}: failed to ${unschedulable ? 'unschedule' : 'schedule'} node(s) ${failed.map((result) => result.item).join(', ')}: ${info ? `${info.message} (${info.code})` : String(failed[0]!.error)}`,
    );
  }
  return { dryRun: false, nodes: names, changed, events, safety: guard.decisions };
}
