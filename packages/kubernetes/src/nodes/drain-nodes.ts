import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import type { V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';
import { isConflict, isNotFound, kubeErrorInfo, kubeFailure } from '../client/kube-api-error.js';
import { paginate } from '../client/paginate.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { selectNodes } from './select-nodes.js';
import { setUnschedulable } from './set-unschedulable.js';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** How often the wait phase lists the drained nodes' pods (kubectl drain polls every second). */
const waitIntervalMs = 1000;

/** Every pod bound to `node`, page by page (the one field selector on pods every server supports for this). */
async function podsOnNode(client: KubeClient, node: string, signal?: AbortSignal): Promise<V1Pod[]> {
  const pods: V1Pod[] = [];
  for await (const pod of paginate(
    (page) =>
      client.limiter.run(
        () => client.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}`, ...page }),
        signal,
      ),
    client.pageSize,
    signal,
  ))
    pods.push(pod);
  return pods;
}

/**
 * `kubectl drain --ignore-daemonsets`: cordon (reverted by uncordon), then evict the pods through
 * the eviction API so PodDisruptionBudgets are honoured — a 429 refusal is retried until `timeout`,
 * then reported — and wait until the evicted pods are gone.
 */
export const drainNodes = defineActivity({
  name: 'drain_nodes',
  type: 'action',
  description:
    'Cordon nodes and evict their pods through the eviction API (honours PodDisruptionBudgets; reverted by uncordoning).',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().optional().describe('node name'),
    label_selector: kubeArguments.labelSelector(),
    delete_pods_with_local_storage: kubeArguments
      .boolean()
      .default(false)
      .describe('also evict pods with emptyDir volumes'),
    timeout: kubeArguments.seconds().default(120).describe('seconds to wait for evictions and for pods to go'),
    count: kubeArguments.integer(1).optional().describe('drain this many random nodes among the matching ones'),
    pod_label_selector: z.string().optional().describe('only nodes running pods with these labels...'),
    pod_namespace: z.string().optional().describe('...in this namespace'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'drain_nodes');
    const client = await getKubeClient(ctx);
    const deadline = Date.now() + args.timeout * 1000;
    const nodes = await selectNodes(client, args, ctx.signal);
    const nodeNames = nodes.map((node) => node.metadata!.name!);
    await guard.checkNodeBlastRadius(client, nodeNames, ctx.signal);
    // Plan the evictions first so a dry run can report them and an unmanaged pod stops us before any change.
    const plan: Array<{ name: string; namespace: string; uid?: string; node: string }> = [];
    const skipped: string[] = [];
    for (const nodeName of nodeNames) {
      let pods;
      try {
        pods = await podsOnNode(client, nodeName, ctx.signal);
      } catch (error) {
        throw kubeFailure(`drain_nodes: listing the pods of node ${nodeName}`, error);
      }
      for (const pod of pods) {
        const name = pod.metadata!.name!;
        const namespace = pod.metadata!.namespace!;
        const where = `${namespace}/${name}`;
        if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
          skipped.push(`${where} (mirror pod: the kubelet owns it)`);
          continue;
        }
        if (guard.settings.deniedNamespaces.includes(namespace)) {
          skipped.push(`${where} (namespace ${namespace} is denied)`);
          continue;
        }
        if ((pod.spec?.volumes ?? []).some((volume) => volume.emptyDir) && !args.delete_pods_with_local_storage) {
          skipped.push(`${where} (emptyDir volume: delete_pods_with_local_storage is false)`);
          continue;
        }
        const phase = pod.status?.phase;
        const controller = pod.metadata?.ownerReferences?.find((ref) => ref.controller);
        if (phase !== 'Succeeded' && phase !== 'Failed') {
          if (controller?.kind === 'DaemonSet') {
            skipped.push(`${where} (DaemonSet pod: its controller ignores cordons)`);
            continue;
          }
          if (!controller) {
            throw new ActivityFailedError(
              `Pod '${name}' on node '${nodeName}' is unmanaged, cannot drain this node. Delete it manually first?`,
              { hint: 'nothing was changed' },
            );
          }
        }
        plan.push({ name, namespace, uid: pod.metadata?.uid, node: nodeName });
      }
    }
    ctx.logger.info(`drain_nodes: ${plan.length} pod(s) to evict, ${skipped.length} skipped`, { skipped });
    if (guard.dryRun) {
      guard.noteDryRun(`would cordon ${nodeNames.length} node(s) and evict ${plan.length} pod(s)`);
      return {
        dryRun: true,
        nodes: nodeNames,
        evicted: plan.map((pod) => `${pod.namespace}/${pod.name}`),
        skipped,
        safety: guard.decisions,
      };
    }
    const cordon = await setUnschedulable(true, args, ctx, nodes);
    const pending = new Set(plan);
    let lastRefusal = '';
    // Evict, retrying the ones a PodDisruptionBudget refuses (429) until the deadline.
    while (pending.size > 0) {
      for (const pod of [...pending]) {
        try {
          await client.limiter.run(
            () =>
              client.core.createNamespacedPodEviction({
                name: pod.name,
                namespace: pod.namespace,
                body: {
                  metadata: { name: pod.name, namespace: pod.namespace },
                  // Only the pod we planned: a new pod under the same name (StatefulSet) is left alone.
                  ...(pod.uid ? { deleteOptions: { preconditions: { uid: pod.uid } } } : {}),
                },
              }),
            ctx.signal,
          );
          pending.delete(pod);
        } catch (error) {
          if (isNotFound(error) || isConflict(error)) {
            pending.delete(pod);
            continue;
          }
          const info = kubeErrorInfo(error);
          if (info?.code === 429) {
            lastRefusal = `${pod.namespace}/${pod.name}: ${info.message}`;
            continue;
          }
          throw kubeFailure(`drain_nodes: failed to evict pod ${pod.namespace}/${pod.name}`, error);
        }
      }
      if (pending.size === 0) break;
      if (Date.now() >= deadline) {
        throw new ActivityFailedError(
          `Draining nodes did not complete within ${args.timeout}s: ${pending.size} eviction(s) refused by a PodDisruptionBudget (${[...pending].map((pod) => `${pod.namespace}/${pod.name}`).join(', ')}); last refusal: ${lastRefusal}`,
          { hint: 'the nodes stay cordoned until the revert uncordons them' },
        );
      }
      await sleep(Math.min(1000, Math.max(50, deadline - Date.now())), ctx.signal);
    }
    // Wait until the evicted pods are gone (or replaced by a new pod of the same name): one list per
    // node each round, not one read per pod, so a node of 100 pods costs one request a second.
    let remaining = plan;
    while (remaining.length > 0) {
      const present = new Set<string>();
      for (const node of new Set(remaining.map((pod) => pod.node))) {
        try {
          for (const pod of await podsOnNode(client, node, ctx.signal))
            if (pod.metadata?.uid) present.add(pod.metadata.uid);
        } catch (error) {
          throw kubeFailure(`drain_nodes: listing the pods of node ${node}`, error);
        }
      }
      remaining = remaining.filter((pod) => pod.uid !== undefined && present.has(pod.uid));
      if (remaining.length === 0) break;
      if (Date.now() >= deadline)
        throw new ActivityFailedError(
          `Draining nodes did not complete within ${args.timeout}s. Remaining pods are: ${remaining.map((pod) => `${pod.namespace}/${pod.name}`).join(', ')}`,
        );
      await sleep(Math.min(waitIntervalMs, Math.max(50, deadline - Date.now())), ctx.signal);
    }
    return {
      dryRun: false,
      nodes: nodeNames,
      evicted: plan.map((pod) => `${pod.namespace}/${pod.name}`),
      skipped,
      safety: [...guard.decisions, ...cordon.safety],
    };
  },
});
