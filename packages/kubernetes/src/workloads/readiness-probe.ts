import { ActivityFailedError, type ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { waitForReadiness } from './wait-for-readiness.js';

/** Shared body of deployment_/statefulset_(not_)fully_available. */
export async function readinessProbe(
  plural: 'deployments' | 'statefulsets',
  ready: boolean,
  args: { name: string; ns: string; label_selector?: string; timeout: number; raise: boolean },
  ctx: ActivityContext,
): Promise<boolean> {
  const client = await getKubeClient(ctx);
  const labelSelector = args.label_selector?.replaceAll('{name}', args.name);
  const reached = await waitForReadiness(client, {
    plural,
    name: args.name,
    ns: args.ns,
    labelSelector,
    ready,
    timeoutSeconds: args.timeout,
    signal: ctx.signal,
    onEvent: (type, object) =>
      ctx.logger.debug(
        `${plural} ${object.metadata?.name} ${type}: ready ${object.status?.readyReplicas ?? 0}/${object.spec?.replicas ?? 1}`,
      ),
  });
  if (reached) return true;
  const what = plural === 'deployments' ? 'deployment' : 'statefulset';
  const message = ready
    ? `${what} '${args.name}' failed to recover within ${args.timeout}s`
    : `${what} '${args.name}' failed to stop running within ${args.timeout}s`;
  if (args.raise) throw new ActivityFailedError(message);
  ctx.logger.debug(message);
  return false;
}
