import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isConflict, isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { customObjectArguments } from './custom-object-arguments.js';

type CustomObject = { kind?: string; spec?: unknown; metadata?: { uid?: string; resourceVersion?: string } };

/** Put a saved `spec` back on a custom object (the revert of patch_custom_object). */
export const restoreCustomObject = defineActivity({
  name: 'restore_custom_object',
  type: 'action',
  description: 'Replace the spec of a namespaced custom object with a saved one (the revert of patch_custom_object).',
  arguments: z.strictObject({ ...customObjectArguments, spec: z.unknown() }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'restore_custom_object');
    const client = await getKubeClient(ctx);
    const ref = { group: args.group, version: args.version, plural: args.plural, name: args.name, namespace: args.ns };
    const what = `${args.plural}.${args.group} ${args.ns}/${args.name}`;
    const saved = args.spec ?? null;
    let restored: CustomObject | undefined;
    // Read, then write with that read's resourceVersion: a change made in between is a 409, after
    // which the object is read again and the saved spec put back over the fresh one.
    for (let attempt = 1; ; attempt += 1) {
      let current: CustomObject;
      try {
        current = (await client.custom.getNamespacedCustomObject(ref)) as CustomObject;
      } catch (error) {
        if (isNotFound(error)) {
          ctx.logger.warn(`restore_custom_object: ${what} is gone: nothing to restore`);
          return { restored: false, reason: 'not found' };
        }
        throw kubeFailure(`restore_custom_object: reading ${what}`, error);
      }
      if (isDeepStrictEqual(current.spec ?? null, saved)) return { restored: false, reason: 'already as before' };
      const operations: unknown[] = [
        { op: 'replace', path: '/metadata/resourceVersion', value: current.metadata?.resourceVersion },
        // "remove" of an absent spec would fail the whole patch: only remove what is there.
        saved === null ? { op: 'remove', path: '/spec' } : { op: 'add', path: '/spec', value: saved },
      ];
      try {
        restored = (await client.custom.patchNamespacedCustomObject(
          { ...ref, body: operations },
          client.jsonPatch,
        )) as CustomObject;
        break;
      } catch (error) {
        if (!isConflict(error) || attempt >= 5) throw kubeFailure(`restore_custom_object: ${what}`, error);
        ctx.logger.warn(`restore_custom_object: ${what} changed while restoring it (409): reading it again`, {
          attempt,
        });
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    const target = {
      kind: restored.kind ?? args.plural,
      apiVersion: `${args.group}/${args.version}`,
      name: args.name,
      namespace: args.ns,
      ...(restored.metadata?.uid ? { uid: restored.metadata.uid } : {}),
    };
    const events = await emitFaultEvents(
      client,
      ctx,
      'restore_custom_object',
      [target],
      'restore_custom_object: reverting patch_custom_object, spec restored',
      guard.settings.emitEvents,
      'FaultReverted',
    );
    return { restored: `${args.ns}/${args.name}`, events };
  },
});
