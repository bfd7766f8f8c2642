import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { listAll } from '../client/paginate.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure, isNotFound } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';

/**
 * Delete deployments by name or label selector (all of the namespace when neither is given).
 * Deliberately registers no revert: the deleted objects (and their pods) cannot be put back
 * faithfully. `--dry` lists exactly the deployments that would be deleted.
 */
export const deleteDeployment = defineActivity({
  name: 'delete_deployment',
  type: 'action',
  description:
    'Delete deployments by name or label selector (every deployment of the namespace when neither is given). Not revertible.',
  python: ['chaosk8s.deployment.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().optional().describe('deployment name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'delete_deployment');
    guard.checkNamespace(args.ns);
    const client = await getKubeClient(ctx);
    let items;
    try {
      items = await listAll(
        (page) =>
          client.apps.listNamespacedDeployment({
            namespace: args.ns,
            ...(args.name
              ? { fieldSelector: `metadata.name=${args.name}` }
              : args.label_selector
                ? { labelSelector: args.label_selector }
                : {}),
            ...page,
          }),
        client.pageSize,
        ctx.signal,
      );
    } catch (error) {
      throw kubeFailure(`delete_deployment: listing deployments in ${args.ns}`, error);
    }
    const names = items.map((item) => item.metadata!.name!);
    await guard.checkOptIn(
      client,
      items.map((item) => ({
        kind: 'Deployment',
        name: item.metadata!.name!,
        namespace: args.ns,
        labels: item.metadata?.labels,
      })),
    );
    if (guard.dryRun) {
      guard.noteDryRun(
        `would delete ${names.length} deployment(s) in ${args.ns}${names.length > 0 ? `: ${names.join(', ')}` : ''}`,
      );
      return { dryRun: true, deployments: names, safety: guard.decisions };
    }
    const events = await emitFaultEvents(
      client,
      ctx,
      'delete_deployment',
      items.map((item) => ({
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        name: item.metadata!.name!,
        namespace: args.ns,
        uid: item.metadata?.uid,
      })),
      'delete_deployment: deleting the deployment',
      guard.settings.emitEvents,
    );
    const results = await mapLimited(
      names,
      client.limiter,
      (name) => client.apps.deleteNamespacedDeployment({ name, namespace: args.ns }),
      ctx.signal,
    );
    const failed = results.filter((result) => result.error && !isNotFound(result.error));
    if (failed.length > 0)
      throw new ActivityFailedError(
        `delete_deployment: could not delete ${failed.map((result) => result.item).join(', ')}: ${kubeFailure('', failed[0]!.error).message}`,
      );
    return { dryRun: false, deployments: names, events, safety: guard.decisions };
  },
});
