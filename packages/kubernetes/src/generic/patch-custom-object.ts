import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { UsageError, defineActivity } from '@faultline/core';
import { parse } from 'yaml';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { customObjectArguments } from './custom-object-arguments.js';

/**
 * Apply a JSON Patch to a custom object (like chaosk8s). Before patching, a revert is registered
 * that puts the previous `spec` back (restore_custom_object), so the change is undone on every exit.
 */
export const patchCustomObject = defineActivity({
  name: 'patch_custom_object',
  type: 'action',
  description: 'Apply a JSON Patch document to a namespaced custom object (reverted by restoring its previous spec).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...customObjectArguments,
    force: z.boolean().default(false).describe('accepted for chaosk8s compatibility (server-side apply only)'),
    resource: z
      .union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())])
      .optional()
      .describe('JSON Patch operations, or a merge-patch object'),
    resource_as_yaml_file: z.string().optional().describe('YAML file holding the patch (relative to the experiment)'),
  }),
  async run(args, ctx) {
    let patch: unknown = args.resource;
    if (patch === undefined && args.resource_as_yaml_file) {
      const path = isAbsolute(args.resource_as_yaml_file)
        ? args.resource_as_yaml_file
        : join(ctx.experimentDir, args.resource_as_yaml_file);
      patch = parse(readFileSync(path, 'utf8'));
    }
    if (patch === undefined)
      throw new UsageError('patch_custom_object: either `resource` or `resource_as_yaml_file` must be set');
    const guard = new SafetyGuard(ctx, 'patch_custom_object');
    guard.checkNamespace(args.ns);
    const client = await getKubeClient(ctx);
    const ref = { group: args.group, version: args.version, plural: args.plural, name: args.name, namespace: args.ns };
    let current: { metadata?: { uid?: string; labels?: Record<string, string> }; kind?: string; spec?: unknown };
    try {
      current = (await client.custom.getNamespacedCustomObject(ref)) as typeof current;
    } catch (error) {
      throw kubeFailure(`patch_custom_object: reading ${args.plural}.${args.group} ${args.ns}/${args.name}`, error);
    }
    await guard.checkOptIn(client, [
      { kind: current.kind ?? args.plural, name: args.name, namespace: args.ns, labels: current.metadata?.labels },
    ]);
    if (guard.dryRun) {
      guard.noteDryRun(`would patch ${args.plural}.${args.group} ${args.ns}/${args.name}`);
      return { dryRun: true, patch, safety: guard.decisions };
    }
    ctx.registerRevert({
      title: `restore the spec of ${args.plural}.${args.group} ${args.ns}/${args.name}`,
      driver: '@faultline/kubernetes',
      func: 'restore_custom_object',
      arguments: {
        group: args.group,
        version: args.version,
        plural: args.plural,
        name: args.name,
        ns: args.ns,
        spec: current.spec ?? null,
      },
    });
    await emitFaultEvents(
      client,
      ctx,
      'patch_custom_object',
      [
        {
          kind: current.kind ?? args.plural,
          apiVersion: `${args.group}/${args.version}`,
          name: args.name,
          namespace: args.ns,
          uid: current.metadata?.uid,
        },
      ],
      'patch_custom_object: patching',
      guard.settings.emitEvents,
    );
    try {
      return (await client.custom.patchNamespacedCustomObject(
        { ...ref, body: patch },
        Array.isArray(patch) ? client.jsonPatch : client.mergePatch,
      )) as unknown;
    } catch (error) {
      throw kubeFailure(`patch_custom_object: patching ${args.plural}.${args.group} ${args.ns}/${args.name}`, error);
    }
  },
});
