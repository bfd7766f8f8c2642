import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import type { KubeManifest } from './kube-manifest.js';
import { objectApi } from './object-api.js';
import { describeRef } from './object-ref.js';
import { isRevertable } from './revertable-kinds.js';

type Manifest = KubeManifest & { apiVersion: string; kind: string };

/** The revert of the update/patch/replace activities: put the saved object back (created again if gone). */
export const restoreObject = defineActivity({
  name: 'restore_object',
  type: 'action',
  description: 'Replace an object with its saved manifest (the revert of update_*, patch_* and replace_* activities).',
  mutating: true,
  arguments: z.strictObject({
    object: z
      .record(z.string(), z.unknown())
      .refine((object) => isRevertable(object as KubeManifest, ['DaemonSet', 'Ingress']), {
        message: 'only custom resources, DaemonSets and Ingresses are restored',
      })
      .describe('the manifest as it was'),
  }),
  async run(args, ctx) {
    const saved = args.object as Manifest;
    const ref = { kind: saved.kind, name: saved.metadata?.name ?? '?', namespace: saved.metadata?.namespace };
    const guard = new SafetyGuard(ctx, 'restore_object');
    if (ref.namespace) guard.checkNamespace(ref.namespace);
    if (guard.dryRun) {
      guard.noteDryRun(`would restore ${describeRef(ref)}`);
      return { dryRun: true, restored: describeRef(ref) };
    }
    const client = await getKubeClient(ctx);
    const api = objectApi(client);
    let restored: KubeManifest;
    try {
      // Replace needs the current resourceVersion; the rest is the saved object.
      const current = (await api.read({
        apiVersion: saved.apiVersion,
        kind: saved.kind,
        metadata: { name: ref.name, namespace: ref.namespace },
      })) as KubeManifest;
      const resourceVersion = current.metadata?.resourceVersion as string | undefined;
      restored = (await api.replace({ ...saved, metadata: { ...saved.metadata, resourceVersion } })) as KubeManifest;
    } catch (error) {
      if (!isNotFound(error)) throw kubeFailure(`restore_object: ${describeRef(ref)}`, error);
      restored = (await api.create(saved)) as KubeManifest;
    }
    await emitFaultEvents(
      client,
      ctx,
      'restore_object',
      [{ ...ref, apiVersion: saved.apiVersion, uid: restored.metadata?.uid }],
      `restore_object: reverted, ${describeRef(ref)} restored`,
      guard.settings.emitEvents,
      'FaultReverted',
    );
    return { restored: describeRef(ref) };
  },
});
