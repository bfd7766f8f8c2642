import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { changeCustom } from './change-custom.js';
import { crdArguments } from './crd-arguments.js';

/** Replace a namespaced custom object with `resource` (reverted by restoring it as it was). */
export const replaceCustomObject = defineActivity({
  name: 'replace_custom_object',
  type: 'action',
  description: 'Replace a namespaced custom object with `resource` (reverted by restoring it as it was).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    name: crdArguments.name,
    ns: crdArguments.ns,
    force: crdArguments.force,
    resource: crdArguments.resource,
    resource_as_yaml_file: crdArguments.resource_as_yaml_file,
  }),
  run: (args, ctx) =>
    changeCustom(
      ctx,
      'replace_custom_object',
      'replace',
      { group: args.group, version: args.version, plural: args.plural, name: args.name, namespace: args.ns },
      args,
    ),
});
