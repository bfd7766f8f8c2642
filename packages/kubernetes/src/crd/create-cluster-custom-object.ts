import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { crdArguments } from './crd-arguments.js';
import { createCustom } from './create-custom.js';

/** Create a cluster-scoped custom object; an existing one of that name is returned. Reverted by deleting it. */
export const createClusterCustomObject = defineActivity({
  name: 'create_cluster_custom_object',
  type: 'action',
  description: 'Create a cluster-scoped custom object from `resource` or a YAML file (reverted by deleting it).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    resource: crdArguments.resource,
    resource_as_yaml_file: crdArguments.resource_as_yaml_file,
  }),
  run: (args, ctx) => createCustom(ctx, 'create_cluster_custom_object', args),
});
