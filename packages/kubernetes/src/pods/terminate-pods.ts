import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { isConflict, isNotFound, kubeErrorInfo } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { selectPods } from './select-pods.js';

/** Terminate pods chosen like chaosk8s does, after the safety guards agreed. */
export const terminatePods = defineActivity({
  name: 'terminate_pods',
  type: 'action',
  description:
    'Terminate pods selected by label and/or name pattern (fixed count or percentage, random or first/oldest).',
  python: ['chaosk8s.pod.actions'],
  mutating: true,
  arguments: z.strictObject({
    label_selector: kubeArguments.labelSelector(),
    name_pattern: z.string().optional().describe('regular expression searched in pod names'),
    all: kubeArguments.boolean().default(false).describe('terminate every matching pod'),
    rand: kubeArguments.boolean().default(false).describe('pick pods at random'),
    mode: z.enum(['fixed', 'percentage']).default('fixed').describe('qty is a count (fixed) or a percentage'),
    qty: kubeArguments.integer(0).default(1).describe('how many pods (or what percentage of them)'),
    grace_period: kubeArguments
      .integer(-1)
      .default(-1)
      .describe('seconds of graceful termination; -1 keeps the pod default'),
    ns: kubeArguments.ns(),
    order: z.enum(['alphabetic', 'oldest']).default('alphabetic').describe('which pods come first when not random'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'terminate_pods');
    guard.checkNamespace(args.ns);
    const client = await getKubeClient(ctx);
    const { matching, selected, terminating } = await selectPods(client, args, ctx.signal);
    const names = selected.map((pod) => pod.metadata.name);
    ctx.logger.info(
      `terminate_pods: ${selected.length} of ${matching.length} matching pod(s) selected in ${args.ns}${terminating.length > 0 ? ` (${terminating.length} already Terminating left out)` : ''}`,
      { pods: names, terminating },
    );
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
    guard.checkMinReady(selected, matching);
    if (guard.dryRun) {
      guard.noteDryRun(`would terminate ${names.length} pod(s)`);
      return { dryRun: true, pods: names, matching: matching.length, terminating, safety: guard.decisions };
    }
    // Nothing to register: a terminated pod cannot be brought back; its controller replaces it.
    const events = await emitFaultEvents(
      client,
      ctx,
      'terminate_pods',
      selected.map((pod) => ({
        kind: 'Pod',
        apiVersion: 'v1',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        uid: pod.metadata.uid,
      })),
      `terminate_pods: terminating pod${args.grace_period >= 0 ? ` with a grace period of ${args.grace_period}s` : ''}`,
      guard.settings.emitEvents,
    );
    const results = await mapLimited(
      selected,
      client.limiter,
      (pod) =>
        client.core.deleteNamespacedPod({
          name: pod.metadata.name,
          namespace: args.ns,
          ...(args.grace_period >= 0 ? { gracePeriodSeconds: args.grace_period } : {}),
          // The UID precondition: a pod recreated under the same name (StatefulSet) is not hit.
          body: {
            ...(pod.metadata.uid ? { preconditions: { uid: pod.metadata.uid } } : {}),
            ...(args.grace_period >= 0 ? { gracePeriodSeconds: args.grace_period } : {}),
          },
        }),
      ctx.signal,
    );
    // Gone already (404) or replaced by a new pod of the same name (409 on the UID): not ours to hit.
    const gone = results.filter((result) => isNotFound(result.error) || isConflict(result.error));
    const failed = results.filter((result) => result.error && !gone.includes(result));
    const terminated = results.filter((result) => !result.error).map((result) => result.item.metadata.name);
    if (failed.length > 0) {
      const first = kubeErrorInfo(failed[0]!.error);
      throw new ActivityFailedError(
        `terminate_pods: ${failed.length} of ${selected.length} pod(s) could not be terminated (${failed.map((result) => result.item.metadata.name).join(', ')}): ${first ? `${first.message} (${first.code})` : String(failed[0]!.error)}`,
        {
          hint:
            first?.code === 403
              ? 'the credentials may not delete pods: see deploy/rbac.yaml'
              : 'see the log for each pod',
        },
      );
    }
    return {
      dryRun: false,
      pods: terminated,
      matching: matching.length,
      terminating,
      ...(gone.length > 0 ? { gone: gone.map((result) => result.item.metadata.name) } : {}),
      events,
      safety: guard.decisions,
    };
  },
});
