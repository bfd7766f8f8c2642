import { randomBytes } from 'node:crypto';
import type { ActivityContext } from '@faultline/core';
import type { KubeClient } from '../client/kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents, type EventTarget } from '../safety/emit-fault-events.js';
import { stressPodManifest, type StressPodOptions } from './stress-pod-manifest.js';
import { waitForContainerStart } from './wait-for-container-start.js';
import { ActivityFailedError } from '@faultline/core';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** A pod name that fits the 63-character limit: faultline-stress-<hint>-<random>. */
export function stressPodName(hint: string): string {
  const suffix = randomBytes(3).toString('hex');
  const base = `faultline-stress-${hint}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 63 - suffix.length - 1)
    .replace(/-+$/, '');
  return `${base}-${suffix}`;
}

export async function removeStressPod(client: KubeClient, name: string, namespace: string): Promise<boolean> {
  try {
    await client.core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0, body: { gracePeriodSeconds: 0 } });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw kubeFailure(`deleting stress pod ${namespace}/${name}`, error);
  }
}

/**
 * Create a stress pod, keep it for the duration, then delete it. Its deletion is registered as a
 * revert before the pod exists (the name is chosen up front), and marked done once we deleted it.
 * On interruption the pod is deleted right away.
 */
export async function runStressPod(
  client: KubeClient,
  ctx: ActivityContext,
  activity: string,
  options: Omit<StressPodOptions, 'runId'>,
  durationSeconds: number,
  eventTargets: EventTarget[],
  startTimeoutSeconds = 60,
): Promise<{ pod: string; ns: string; phase?: string }> {
  const handle = ctx.registerRevert({
    title: `delete stress pod ${options.namespace}/${options.name}`,
    driver: '@faultline/kubernetes',
    func: 'delete_stress_pod',
    arguments: { name: options.name, ns: options.namespace },
  });
  try {
    await client.core.createNamespacedPod({
      namespace: options.namespace,
      body: stressPodManifest({ ...options, runId: ctx.runId }),
    });
  } catch (error) {
    handle.done();
    throw kubeFailure(`${activity}: creating stress pod ${options.namespace}/${options.name}`, error);
  }
  await emitFaultEvents(
    client,
    ctx,
    activity,
    eventTargets,
    `${activity}: stress-ng ${options.args.join(' ')} in pod ${options.namespace}/${options.name}`,
    true,
  );
  let phase: string | undefined;
  try {
    const start = await waitForContainerStart(client, options, 'stress-ng', {
      ephemeral: false,
      timeoutMs: startTimeoutSeconds * 1000,
      signal: ctx.signal,
    });
    if (!start.started)
      throw new ActivityFailedError(
        `${activity}: stress pod ${options.namespace}/${options.name} never started, so no stress was applied: ${start.reason}`,
        { hint: 'check the image (kubernetes.stress_image) is pullable and the pod is admitted: kubectl describe pod' },
      );
    // stress-ng's --timeout counts from its start: the duration is waited from then on.
    await sleep(durationSeconds * 1000, ctx.signal);
    phase = (await client.core.readNamespacedPod({ name: options.name, namespace: options.namespace })).status?.phase;
  } finally {
    // Interrupted or done: the pod goes now. If this fails, the registered revert remains.
    await removeStressPod(client, options.name, options.namespace);
    handle.done();
  }
  return { pod: options.name, ns: options.namespace, ...(phase ? { phase } : {}) };
}
