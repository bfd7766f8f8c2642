import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeErrorInfo } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { selectPods } from '../pods/select-pods.js';
import { stressNgArgs } from './stress-ng-args.js';
import { restrictedSecurityContext } from './restricted-security-context.js';
import { waitForContainerStart } from './wait-for-container-start.js';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * CPU/memory stress inside a workload's pods: a stress-ng ephemeral container is added to each
 * selected pod (chosen like terminate_pods), so the load counts against the pod's own cgroup. It
 * stops by itself after `duration` (stress-ng --timeout). Ephemeral containers cannot be removed,
 * so the revert registered first (stop_pod_stress) restarts the stressed pods that a controller
 * manages; a run that completes normally marks it done without restarting anything.
 */
export const stressPods = defineActivity({
  name: 'stress_pods',
  type: 'action',
  description:
    'Run stress-ng (e.g. ["cpu:2", "vm:1", "vm-bytes:256M"]) as an ephemeral container inside the selected pods for duration seconds.',
  python: ['chaosk8s.pod.actions'],
  mutating: true,
  arguments: z.strictObject({
    label_selector: kubeArguments.labelSelector(),
    name_pattern: z.string().optional(),
    all: kubeArguments.boolean().default(false),
    rand: kubeArguments.boolean().default(false),
    mode: z.enum(['fixed', 'percentage']).default('fixed'),
    qty: kubeArguments.integer(0).default(1),
    ns: kubeArguments.ns(),
    order: z.enum(['alphabetic', 'oldest']).default('alphabetic'),
    stressors: z
      .union([
        z
          .string()
          .min(1)
          .transform((value) => [value]),
        z.array(z.string().min(1)).min(1),
      ])
      .default(['cpu:1']),
    duration: kubeArguments.seconds().default(60),
    image: z
      .string()
      .min(1)
      .optional()
      .describe('image with stress-ng as entrypoint (settings kubernetes.stress_image)'),
    target_container: z.string().optional().describe('container whose process namespace the stress joins'),
    start_timeout: kubeArguments
      .seconds()
      .default(60)
      .describe('seconds the stress containers have to start before the activity fails'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'stress_pods');
    guard.checkNamespace(args.ns);
    const stressArgs = stressNgArgs(args.stressors, args.duration);
    const image = args.image ?? guard.settings.stressImage;
    const client = await getKubeClient(ctx);
    const { matching, selected } = await selectPods(client, args, ctx.signal);
    const names = selected.map((pod) => pod.metadata.name);
    await guard.checkOptIn(
      client,
      selected.map((pod) => ({
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        labels: pod.metadata.labels,
      })),
    );
    guard.checkBlastRadius(selected.length, matching.length);
    if (guard.dryRun) {
      guard.noteDryRun(`would stress ${names.length} pod(s) with stress-ng ${stressArgs.join(' ')}`);
      return { dryRun: true, pods: names, args: stressArgs, image, safety: guard.decisions };
    }
    const container = `faultline-stress-${randomBytes(3).toString('hex')}`;
    const handle = ctx.registerRevert({
      title: `stop the stress in ${names.length} pod(s) of ${args.ns}`,
      driver: '@faultline/kubernetes',
      func: 'stop_pod_stress',
      arguments: { pods: names, container, ns: args.ns },
    });
    const events = await emitFaultEvents(
      client,
      ctx,
      'stress_pods',
      selected.map((pod) => ({
        kind: 'Pod',
        apiVersion: 'v1',
        name: pod.metadata.name,
        namespace: args.ns,
        uid: pod.metadata.uid,
      })),
      `stress_pods: stress-ng ${stressArgs.join(' ')} in ephemeral container ${container}`,
      guard.settings.emitEvents,
    );
    // No resources: the API forbids them on ephemeral containers (the stress counts against the pod's).
    const ephemeral = {
      name: container,
      image,
      args: stressArgs,
      securityContext: restrictedSecurityContext,
      ...(args.target_container ? { targetContainerName: args.target_container } : {}),
    };
    const results = await mapLimited(
      selected,
      client.limiter,
      async (pod) => {
        const current = await client.core.readNamespacedPodEphemeralcontainers({
          name: pod.metadata.name,
          namespace: args.ns,
        });
        const body = {
          ...current,
          spec: { ...current.spec!, ephemeralContainers: [...(current.spec?.ephemeralContainers ?? []), ephemeral] },
        };
        return client.core.replaceNamespacedPodEphemeralcontainers({
          name: pod.metadata.name,
          namespace: args.ns,
          body,
        });
      },
      ctx.signal,
    );
    const failed = results.filter((result) => result.error);
    if (failed.length === selected.length && selected.length > 0) {
      handle.done();
      const info = kubeErrorInfo(failed[0]!.error);
      throw new ActivityFailedError(
        `stress_pods: no pod could be stressed: ${info ? `${info.message} (${info.code})` : String(failed[0]!.error)}`,
        { hint: 'ephemeral containers need Kubernetes >= 1.25 and the pods/ephemeralcontainers permission' },
      );
    }
    if (failed.length > 0)
      ctx.logger.warn(`stress_pods: ${failed.length} pod(s) could not be stressed`, {
        pods: failed.map((result) => result.item.metadata.name),
      });
    // Added is not started: check the kubelet really runs the stress container in each pod
    // (stress-ng's own --timeout counts from there, so the duration is waited from then on).
    const starts = await mapLimited(
      results.filter((result) => !result.error).map((result) => result.item),
      client.limiter,
      (pod) =>
        waitForContainerStart(client, { name: pod.metadata.name, namespace: args.ns }, container, {
          ephemeral: true,
          timeoutMs: args.start_timeout * 1000,
          signal: ctx.signal,
        }),
      ctx.signal,
    );
    const notStarted = starts.flatMap((entry) =>
      entry.error || !entry.result?.started
        ? [
            `${entry.item.metadata.name}: ${
              entry.error
                ? String((entry.error as Error).message ?? entry.error)
                : (entry.result as { reason: string }).reason
            }`,
          ]
        : [],
    );
    const running = starts.filter((entry) => entry.result?.started).map((entry) => entry.item.metadata.name);
    if (running.length === 0) {
      // Nothing runs, so nothing to stop: the revert would only restart pods for no reason.
      handle.done();
      throw new ActivityFailedError(
        `stress_pods: the stress container started in no pod, so no stress was applied (${notStarted.join('; ')})`,
        { hint: 'check the image (kubernetes.stress_image) is pullable and the pods admit it: kubectl describe pod' },
      );
    }
    if (notStarted.length > 0)
      ctx.logger.warn(`stress_pods: the stress container did not start in ${notStarted.length} pod(s)`, {
        pods: notStarted,
      });
    await sleep(args.duration * 1000, ctx.signal);
    // stress-ng has exited on its own timeout: nothing left to undo.
    handle.done();
    return {
      dryRun: false,
      pods: running,
      ...(notStarted.length > 0 ? { notStarted } : {}),
      container,
      args: stressArgs,
      image,
      duration: args.duration,
      events,
      safety: guard.decisions,
    };
  },
});
