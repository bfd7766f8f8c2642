import { ActivityFailedError, UsageError, type ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isConflict, kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import type { KubeManifest } from './kube-manifest.js';
import { objectApi } from './object-api.js';
import { describeRef, type ObjectRef } from './object-ref.js';

export interface CreateObjectOptions {
  /** Namespace to create it in (namespaced kinds); the manifest's own must agree. */
  namespace?: string;
  /** 'existing': an object of that name already there is returned (chaosk8s's crd functions do so). */
  onConflict?: 'fail' | 'existing';
}

/**
 * Create an object after the guards agreed. Its deletion is registered as the revert BEFORE the
 * create request; if the create fails (or the object already existed) the revert is withdrawn so
 * an object Faultline did not create is never deleted.
 */
export async function createObject(
  ctx: ActivityContext,
  activity: string,
  manifest: KubeManifest,
  options: CreateObjectOptions = {},
): Promise<Record<string, unknown>> {
  const { apiVersion, kind } = manifest;
  if (!apiVersion || !kind) throw new UsageError(`${activity}: the object needs apiVersion and kind`);
  const metadata = { ...(manifest.metadata ?? {}) };
  if (options.namespace !== undefined) {
    if (metadata.namespace && metadata.namespace !== options.namespace)
      throw new UsageError(
        `${activity}: the object's namespace "${metadata.namespace}" differs from ns "${options.namespace}"`,
        { hint: 'remove metadata.namespace from the object or set ns to the same namespace' },
      );
    metadata.namespace = options.namespace;
  }
  const name = metadata.name ?? metadata.generateName;
  if (!name) throw new UsageError(`${activity}: the object needs metadata.name (or generateName)`);
  const body = { ...manifest, metadata } as KubeManifest & { apiVersion: string; kind: string };
  const ref: ObjectRef = { apiVersion, kind, name, ...(metadata.namespace ? { namespace: metadata.namespace } : {}) };
  const guard = new SafetyGuard(ctx, activity);
  if (ref.namespace) guard.checkNamespace(ref.namespace);
  const client = await getKubeClient(ctx);
  await guard.checkOptIn(client, [{ kind, name, namespace: ref.namespace, labels: metadata.labels }]);
  if (guard.dryRun) {
    // Resolve what a real run would need: the cluster must serve the kind (a CRD such as Chaos Mesh's).
    let served: boolean;
    try {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      const list = group
        ? await client.custom.getAPIResources({ group: group!, version: version! })
        : await client.core.getAPIResources();
      served = list.resources.some((resource) => resource.kind === kind && !resource.name.includes('/'));
    } catch (error) {
      throw kubeFailure(`${activity}: looking up ${kind} (${apiVersion})`, error);
    }
    if (!served)
      throw new ActivityFailedError(`${activity}: the cluster does not serve ${kind} (${apiVersion})`, {
        hint: 'is the custom resource definition installed (for example Chaos Mesh)?',
      });
    guard.noteDryRun(`would create ${describeRef(ref)}`);
    return { dryRun: true, created: ref, safety: guard.decisions };
  }
  const revert = ctx.registerRevert({
    title: `delete ${describeRef(ref)} created by ${activity}`,
    driver: '@faultline/kubernetes',
    func: 'delete_object',
    arguments: { ...ref, ...(metadata.name ? {} : { name: '' }) },
  });
  let created: KubeManifest;
  try {
    created = toPlainJson(await objectApi(client).create(body)) as KubeManifest;
  } catch (error) {
    revert.done();
    if (isConflict(error) && options.onConflict === 'existing') {
      ctx.logger.info(`${activity}: ${describeRef(ref)} already exists`);
      const existing = toPlainJson(
        await objectApi(client).read({ apiVersion, kind, metadata: { name, namespace: ref.namespace } }),
      ) as KubeManifest;
      return kind === 'Secret' ? { apiVersion, kind, metadata: existing.metadata } : existing;
    }
    throw kubeFailure(`${activity}: creating ${describeRef(ref)}`, error);
  }
  if (!metadata.name) revert.update({ name: created.metadata?.name ?? '' });
  await emitFaultEvents(
    client,
    ctx,
    activity,
    [{ ...ref, name: created.metadata?.name ?? name, uid: created.metadata?.uid }],
    `${activity}: created ${describeRef({ ...ref, name: created.metadata?.name ?? name })}`,
    guard.settings.emitEvents,
  );
  // A Secret's data must never reach the journal: only its metadata is returned.
  if (kind === 'Secret') return { apiVersion, kind, metadata: created.metadata };
  return created as Record<string, unknown>;
}
