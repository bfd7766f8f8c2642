import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isConflict, kubeFailure } from '../client/kube-api-error.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import type { KubeManifest } from './kube-manifest.js';
import { objectApi } from './object-api.js';
import { describeRef } from './object-ref.js';
import { isRevertable } from './revertable-kinds.js';

/** What the delete activities save (besides custom resources). */
const recreatableKinds = ['StatefulSet', 'DaemonSet', 'ReplicaSet', 'Service', 'Ingress', 'Node'];

/** The revert of the delete_* activities: create the saved objects again (one already back is left alone). */
export const recreateObjects = defineActivity({
  name: 'recreate_objects',
  type: 'action',
  description: 'Create deleted objects again from their saved manifests (the revert of the delete_* activities).',
  mutating: true,
  arguments: z.strictObject({
    objects: z
      .array(
        z.record(z.string(), z.unknown()).refine((object) => isRevertable(object as KubeManifest, recreatableKinds), {
          message: `only custom resources and ${recreatableKinds.join(', ')} objects are created again`,
        }),
      )
      .describe('manifests without server-set fields'),
  }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'recreate_objects');
    const objects = args.objects as KubeManifest[];
    const refs = objects.map((object) => ({
      kind: object.kind ?? '?',
      name: object.metadata?.name ?? '?',
      namespace: object.metadata?.namespace,
    }));
    for (const ref of refs) {
      const namespace = ref.kind === 'Namespace' ? ref.name : ref.namespace;
      if (namespace) guard.checkNamespace(namespace);
    }
    if (guard.dryRun) {
      guard.noteDryRun(`would create again ${refs.map(describeRef).join(', ')}`);
      return { dryRun: true, recreated: refs.map(describeRef) };
    }
    const client = await getKubeClient(ctx);
    const recreated: string[] = [];
    const present: string[] = [];
    for (const [index, object] of objects.entries()) {
      const label = describeRef(refs[index]!);
      try {
        await objectApi(client).create(object as KubeManifest & { apiVersion: string; kind: string });
        recreated.push(label);
      } catch (error) {
        // A controller (or someone) already put it back: that is the state we wanted.
        if (isConflict(error)) present.push(label);
        else throw new ActivityFailedError(`recreate_objects: ${kubeFailure(label, error).message}`, { cause: error });
      }
    }
    return { recreated, alreadyPresent: present };
  },
});
