import type { ActivityContext } from '@faultline/core';
import type { VirtualService } from './virtual-service-types.js';
import type { VirtualServiceClient } from './virtual-service-client.js';

/**
 * Records a core/v1 Event on the VirtualService naming the run, so `kubectl describe` and
 * `kubectl get events` show who changed its faults. A refused Event only logs a warning: it must
 * never turn a fault (or its revert) into a failure.
 */
export async function emitFaultEvent(client: VirtualServiceClient, ctx: Pick<ActivityContext, 'runId' | 'experimentTitle' | 'logger'>, vs: VirtualService, reason: 'FaultInjected' | 'FaultReverted', message: string): Promise<void> {
  const now = new Date().toISOString();
  const namespace = vs.metadata.namespace ?? 'default';
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { generateName: `${vs.metadata.name ?? 'virtualservice'}.faultline-`, namespace, labels: { 'faultline.io/run-id': ctx.runId } },
    involvedObject: { apiVersion: vs.apiVersion, kind: 'VirtualService', name: vs.metadata.name, namespace, uid: vs.metadata['uid'], resourceVersion: vs.metadata.resourceVersion },
    reason,
    message: `${message} (faultline run ${ctx.runId}: ${ctx.experimentTitle})`.slice(0, 1024),
    type: reason === 'FaultInjected' ? 'Warning' : 'Normal',
    source: { component: 'faultline' },
    reportingComponent: 'faultline',
    reportingInstance: ctx.runId,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  try {
    const answer = await client.createEvent(namespace, event);
    if (answer.status >= 300) ctx.logger.warn(`could not record a Kubernetes Event on ${namespace}/${vs.metadata.name}: HTTP ${answer.status}`);
  } catch (error) {
    ctx.logger.warn(`could not record a Kubernetes Event on ${namespace}/${vs.metadata.name}: ${(error as Error).message}`);
  }
}
