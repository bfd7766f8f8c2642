import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { crdArguments } from './crd-arguments.js';
import { createCustom } from './create-custom.js';

/** Create a namespaced custom object; an existing one of that name is returned. Reverted by deleting it. */
export const createCustomObject = defineActivity({
  name: 'create_custom_object',
  type: 'action',
  description: 'Create a namespaced custom object from `resource` or a YAML file (reverted by deleting it).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    ns: crdArguments.ns,
    resource: crdArguments.resource,
    resource_as_yaml_file: crdArguments.resource_as_yaml_file,
  }),
  run: (args, ctx) => createCustom(ctx, 'create_custom_object', args),
});
