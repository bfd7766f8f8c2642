import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { changeCustom } from './change-custom.js';
import { crdArguments } from './crd-arguments.js';

/** Apply a JSON Patch to a cluster-scoped custom object (reverted by restoring it as it was). */
export const patchClusterCustomObject = defineActivity({
  name: 'patch_cluster_custom_object',
  type: 'action',
  description: 'Apply a JSON Patch to a cluster-scoped custom object (reverted by restoring it as it was).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    name: crdArguments.name,
    force: crdArguments.force,
    resource: z
      .union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())])
      .optional()
      .describe('JSON Patch operations (or a merge-patch object)'),
    resource_as_yaml_file: crdArguments.resource_as_yaml_file,
  }),
  run: (args, ctx) =>
    changeCustom(
      ctx,
      'patch_cluster_custom_object',
      'patch',
      { group: args.group, version: args.version, plural: args.plural, name: args.name },
      args,
    ),
});
