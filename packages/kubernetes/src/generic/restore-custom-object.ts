import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { customObjectArguments } from './custom-object-arguments.js';

/** Put a saved `spec` back on a custom object (the revert of patch_custom_object). */
export const restoreCustomObject = defineActivity({
  name: 'restore_custom_object',
  type: 'action',
  description: 'Replace the spec of a namespaced custom object with a saved one (the revert of patch_custom_object).',
  arguments: z.strictObject({ ...customObjectArguments, spec: z.unknown() }),
  async run(args, ctx) {
    const guard = new SafetyGuard(ctx, 'restore_custom_object');
    const client = await getKubeClient(ctx);
    const operation =
      args.spec === null || args.spec === undefined
        ? { op: 'remove', path: '/spec' }
        : { op: 'add', path: '/spec', value: args.spec };
    let restored: { kind?: string; metadata?: { uid?: string } };
    try {
      restored = await client.custom.patchNamespacedCustomObject(
        {
          group: args.group,
          version: args.version,
          plural: args.plural,
          name: args.name,
          namespace: args.ns,
          body: [operation],
        },
        client.jsonPatch,
      );
    } catch (error) {
      throw kubeFailure(`restore_custom_object: ${args.plural}.${args.group} ${args.ns}/${args.name}`, error);
    }
    const target = {
      kind: restored?.kind ?? args.plural,
      apiVersion: `${args.group}/${args.version}`,
      name: args.name,
      namespace: args.ns,
      ...(restored?.metadata?.uid ? { uid: restored.metadata.uid } : {}),
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
