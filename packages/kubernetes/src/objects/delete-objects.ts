import { ActivityFailedError, type ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { mapLimited } from '../client/map-limited.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { recreatable } from './kube-manifest.js';
import { listObjects, type ObjectQuery } from './list-objects.js';
import { objectApi } from './object-api.js';

export interface DeleteObjectsOptions {
  /**
   * Register a revert that creates the deleted objects again from their manifests. Off for
   * Secrets (their data would land in the journal) and Namespaces (their content is gone for good).
   */
  recreate: boolean;
  /** Fail when nothing matches (chaosk8s's delete-by-name functions get a 404 from the API). */
  mustExist?: boolean;
}

/**
 * Delete the objects of one kind chosen by name or label selector (every one of the namespace when
 * neither is given, as chaosk8s does), after the guards agreed. `--dry` lists them.
 */
export async function deleteObjects(
  ctx: ActivityContext,
  activity: string,
  query: ObjectQuery,
  options: DeleteObjectsOptions,
): Promise<Record<string, unknown>> {
  const guard = new SafetyGuard(ctx, activity);
  if (query.namespace) guard.checkNamespace(query.namespace);
  // chaosk8s filters by name first, by label selector only without a name.
  const selection: ObjectQuery = query.name ? { ...query, labelSelector: undefined } : query;
  const items = await listObjects(ctx, activity, selection);
  const names = items.map((item) => item.metadata!.name!);
  if (options.mustExist && items.length === 0)
    throw new ActivityFailedError(
      `${activity}: no ${query.kind} ${query.name ?? ''}${query.namespace ? ` in ${query.namespace}` : ''}`,
      { hint: 'check the name and the namespace (ns)' },
    );
  const client = await getKubeClient(ctx);
  await guard.checkOptIn(
    client,
    items.map((item) => ({
      kind: query.kind,
      name: item.metadata!.name!,
      namespace: query.namespace,
      labels: item.metadata?.labels,
    })),
  );
  const where = query.namespace ? ` in ${query.namespace}` : '';
  if (guard.dryRun) {
    guard.noteDryRun(
      `would delete ${names.length} ${query.kind}(s)${where}${names.length ? `: ${names.join(', ')}` : ''}`,
    );
    return { dryRun: true, kind: query.kind, deleted: names, safety: guard.decisions };
  }
  if (items.length > 0 && options.recreate)
    ctx.registerRevert({
      title: `create again the ${query.kind}(s) ${names.join(', ')}${where} deleted by ${activity}`,
      driver: '@faultline/kubernetes',
      func: 'recreate_objects',
      arguments: {
        objects: items.map((item) => recreatable({ apiVersion: query.apiVersion, kind: query.kind, ...item })),
      },
    });
  const events = await emitFaultEvents(
    client,
    ctx,
    activity,
    items.map((item) => ({
      kind: query.kind,
      apiVersion: query.apiVersion,
      name: item.metadata!.name!,
      namespace: query.namespace,
      uid: item.metadata?.uid,
    })),
    `${activity}: deleting the ${query.kind}`,
    guard.settings.emitEvents && query.kind !== 'Namespace',
  );
  const results = await mapLimited(
    names,
    client.limiter,
    (name) =>
      objectApi(client).delete({
        apiVersion: query.apiVersion,
        kind: query.kind,
        metadata: { name, ...(query.namespace ? { namespace: query.namespace } : {}) },
      }),
    ctx.signal,
  );
  const failed = results.filter((result) => result.error && !isNotFound(result.error));
  if (failed.length > 0)
    throw new ActivityFailedError(
      `${activity}: could not delete ${failed.map((result) => result.item).join(', ')}: ${kubeFailure('', failed[0]!.error).message}`,
    );
  return { dryRun: false, kind: query.kind, deleted: names, events, safety: guard.decisions };
}
