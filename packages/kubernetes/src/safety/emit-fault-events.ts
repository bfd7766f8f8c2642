import type { ActivityContext } from '@faultline/core';
import type { KubeClient } from '../client/kube-client.js';
import { mapLimited } from '../client/map-limited.js';

export interface EventTarget {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  uid?: string;
}

const labelValue = (value: string) =>
  value
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 63);

/** FaultInjected when a fault goes in (a Warning), FaultReverted when a revert takes it out (Normal). */
export type FaultEventReason = 'FaultInjected' | 'FaultReverted';

/**
 * Record a Kubernetes Event on each target of a fault (reason FaultInjected or FaultReverted, the
 * run id as a label), so `kubectl describe` shows who did what and when it was undone.
 * Best effort: a failure is logged, never fatal.
 */
export async function emitFaultEvents(
  client: KubeClient,
  ctx: Pick<ActivityContext, 'runId' | 'experimentTitle' | 'logger' | 'signal'>,
  activity: string,
  targets: readonly EventTarget[],
  message: string,
  enabled = true,
  reason: FaultEventReason = 'FaultInjected',
): Promise<number> {
  if (!enabled || targets.length === 0) return 0;
  const now = new Date();
  const results = await mapLimited(
    targets,
    client.limiter,
    (target) => {
      const namespace = target.namespace ?? 'default';
      return client.core.createNamespacedEvent({
        namespace,
        body: {
          metadata: {
            generateName: `${target.name.slice(0, 200)}.faultline-`,
            namespace,
            labels: { 'faultline.io/run-id': labelValue(ctx.runId) },
            annotations: { 'faultline.io/run-id': ctx.runId, 'faultline.io/experiment': ctx.experimentTitle },
          },
          involvedObject: {
            kind: target.kind,
            apiVersion: target.apiVersion,
            name: target.name,
            ...(target.namespace ? { namespace: target.namespace } : {}),
            ...(target.uid ? { uid: target.uid } : {}),
          },
          reason,
          action: activity,
          message: `${message} (faultline run ${ctx.runId}, experiment "${ctx.experimentTitle}")`,
          type: reason === 'FaultInjected' ? 'Warning' : 'Normal',
          source: { component: 'faultline' },
          reportingComponent: 'faultline',
          reportingInstance: labelValue(ctx.runId) || 'faultline',
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
        },
      });
    },
    ctx.signal,
  );
  const failed = results.filter((result) => result.error);
  if (failed.length > 0)
    ctx.logger.warn(`${activity}: could not record ${failed.length} Kubernetes event(s)`, {
      error: String((failed[0]!.error as Error)?.message ?? failed[0]!.error),
    });
  return results.length - failed.length;
}
