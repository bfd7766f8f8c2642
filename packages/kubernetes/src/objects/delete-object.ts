import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { objectApi } from './object-api.js';
import { describeRef } from './object-ref.js';

/** The revert of an object a create activity made: delete it (already gone is fine). */
export const deleteObject = defineActivity({
  name: 'delete_object',
  type: 'action',
  description: 'Delete one object by apiVersion, kind, name and namespace (the revert of the create_* activities).',
  mutating: true,
  arguments: z.strictObject({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    name: z.string().describe('object name; empty when the creation never happened'),
    namespace: z.string().optional(),
  }),
  async run(args, ctx) {
    if (!args.name) return { deleted: false, reason: 'nothing was created' };
    const guard = new SafetyGuard(ctx, 'delete_object');
    // A journal names what to delete: the namespace guards apply (a Namespace by its own name).
    const namespace = args.kind === 'Namespace' ? args.name : args.namespace;
    if (namespace) guard.checkNamespace(namespace);
    if (guard.dryRun) {
      guard.noteDryRun(`would delete ${describeRef(args)}`);
      return { dryRun: true, deleted: describeRef(args) };
    }
    const client = await getKubeClient(ctx);
    const ref = {
      apiVersion: args.apiVersion,
      kind: args.kind,
      metadata: { name: args.name, namespace: args.namespace },
    };
    try {
      await objectApi(client).delete(ref);
    } catch (error) {
      if (isNotFound(error)) return { deleted: false, reason: `${describeRef(args)} was already gone` };
      throw kubeFailure(`delete_object: deleting ${describeRef(args)}`, error);
    }
    return { deleted: true, object: describeRef(args) };
  },
});
