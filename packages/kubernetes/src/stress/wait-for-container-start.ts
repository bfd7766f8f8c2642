import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';

/** Waiting reasons that will not fix themselves while we wait (the kubelet backs off on them). */
const stuck = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'CrashLoopBackOff',
]);

export type ContainerStart = { started: true } | { started: false; reason: string };

function startOf(pod: V1Pod, container: string, ephemeral: boolean): ContainerStart | undefined {
  const statuses: V1ContainerStatus[] =
    (ephemeral ? pod.status?.ephemeralContainerStatuses : pod.status?.containerStatuses) ?? [];
  const status = statuses.find((entry) => entry.name === container);
  if (status?.state?.running || status?.state?.terminated) return { started: true };
  const waiting = status?.state?.waiting;
  if (waiting?.reason && stuck.has(waiting.reason))
    return { started: false, reason: `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}` };
  if (pod.status?.phase === 'Failed') return { started: false, reason: pod.status.reason ?? 'the pod failed' };
  return undefined;
}

/**
 * Poll a pod until `container` (an ephemeral one when `ephemeral`) runs or has run, or is stuck
 * (image pull, config error), or `timeoutMs` passes. The kubelet accepts a pod long before its
 * containers start, so "created" does not mean "stressing".
 */
export async function waitForContainerStart(
  client: KubeClient,
  pod: { name: string; namespace: string },
  container: string,
  options: { ephemeral: boolean; timeoutMs: number; intervalMs?: number; signal: AbortSignal },
): Promise<ContainerStart> {
  const deadline = Date.now() + options.timeoutMs;
  let last: V1Pod | undefined;
  for (;;) {
    options.signal.throwIfAborted();
    try {
      last = await client.core.readNamespacedPod({ name: pod.name, namespace: pod.namespace });
    } catch (error) {
      throw kubeFailure(`reading pod ${pod.namespace}/${pod.name}`, error);
    }
    const start = startOf(last, container, options.ephemeral);
    if (start) return start;
    if (Date.now() >= deadline) {
      const unscheduled = last.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
      return {
        started: false,
        reason: `not started within ${Math.round(options.timeoutMs / 1000)}s (pod ${last.status?.phase ?? 'Pending'}${unscheduled?.message ? `: ${unscheduled.message}` : ''})`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs ?? 500, deadline - Date.now())));
  }
}
