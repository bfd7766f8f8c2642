import { ActivityFailedError, type ActivityContext } from '@faultline/core';
import type { V1Taint } from '@kubernetes/client-node';
import { revertFlagArgument } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { isConflict, kubeFailure } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { selectNodes } from './select-nodes.js';

export interface TaintChange {
  name?: string;
  label_selector?: string;
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  _faultline_revert?: boolean;
}

const sameTaint = (taint: V1Taint, change: TaintChange) => taint.key === change.key && taint.effect === change.effect;

/**
 * Add or remove a taint on the selected nodes with optimistic concurrency (the node's
 * resourceVersion goes with the patch; a 409 re-reads and retries), so other taints written
 * meanwhile survive. Only nodes whose taints change get a revert, registered before the patch.
 * Tainting is capped by max_nodes / max_node_percentage; run as a revert (`_faultline_revert`)
 * it records FaultReverted events and skips the caps.
 */
export async function changeTaints(
  add: boolean,
  change: TaintChange,
  ctx: ActivityContext,
): Promise<Record<string, unknown>> {
  const activity = add ? 'taint_nodes' : 'untaint_nodes';
  const guard = new SafetyGuard(ctx, activity);
  const client = await getKubeClient(ctx);
  const nodes = await selectNodes(client, change, ctx.signal);
  const toChange = nodes.filter((node) => (node.spec?.taints ?? []).some((taint) => sameTaint(taint, change)) !== add);
  const changed = toChange.map((node) => node.metadata!.name!);
  const taintText = `${change.key}${change.value !== undefined ? `=${change.value}` : ''}:${change.effect}`;
  // Guards are skipped only when the engine itself runs a revert, never on an experiment's say-so.
  const isRevert = change._faultline_revert === true && ctx.isRevert === true;
  if (add)
    await guard.checkOptIn(
      client,
      nodes.map((node) => ({ kind: 'Node', name: node.metadata!.name!, labels: node.metadata?.labels })),
    );
  if (add && !isRevert)
    await guard.checkNodeBlastRadius(
      client,
      nodes.map((node) => node.metadata!.name!),
      ctx.signal,
    );
  if (guard.dryRun) {
    guard.noteDryRun(`would ${add ? 'add' : 'remove'} taint ${taintText} on ${changed.length} node(s)`);
    return {
      dryRun: true,
      nodes: nodes.map((node) => node.metadata!.name!),
      changed,
      taint: taintText,
      safety: guard.decisions,
    };
  }
  for (const node of toChange) {
    const name = node.metadata!.name!;
    // On untaint, put back exactly the taint removed (its value read from the node).
    const value = add
      ? undefined
      : (change.value ?? (node.spec?.taints ?? []).find((taint) => sameTaint(taint, change))?.value);
    ctx.registerRevert({
      title: `${add ? 'remove' : 'restore'} taint ${taintText} ${add ? 'from' : 'on'} node ${name}`,
      driver: '@faultline/kubernetes',
      func: add ? 'untaint_nodes' : 'taint_nodes',
      arguments: {
        name,
        key: change.key,
        effect: change.effect,
        ...(value === undefined ? {} : { value }),
        ...revertFlagArgument,
      },
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
        `${activity}: reverting, taint ${taintText} ${add ? 'put back' : 'removed'}`,
        guard.settings.emitEvents,
        'FaultReverted',
      )
    : add
      ? await emitFaultEvents(
          client,
          ctx,
          activity,
          eventTargets,
          `taint_nodes: adding taint ${taintText}`,
          guard.settings.emitEvents,
        )
      : 0;
  const results = await mapLimited(
    changed,
    client.limiter,
    async (name) => {
      for (let attempt = 0; ; attempt += 1) {
        const node = await client.core.readNode({ name });
        const taints = (node.spec?.taints ?? []).filter((taint) => !sameTaint(taint, change));
        if (add)
          taints.push({
            key: change.key,
            effect: change.effect,
            ...(change.value !== undefined ? { value: change.value } : {}),
          });
        try {
          await client.core.patchNode(
            {
              name,
              body: {
                metadata: { resourceVersion: node.metadata?.resourceVersion },
                spec: { taints: taints.length > 0 ? taints : null },
              },
            },
            client.mergePatch,
          );
          return;
        } catch (error) {
          if (!isConflict(error) || attempt >= 5) throw error;
        }
      }
    },
    ctx.signal,
  );
  const failed = results.filter((result) => result.error);
  if (failed.length > 0)
    throw new ActivityFailedError(
      `${activity}: could not change node(s) ${failed.map((result) => result.item).join(', ')}: ${kubeFailure('', failed[0]!.error).message}`,
    );
  return {
    dryRun: false,
    nodes: nodes.map((node) => node.metadata!.name!),
    changed,
    taint: taintText,
    events,
    safety: guard.decisions,
  };
}
