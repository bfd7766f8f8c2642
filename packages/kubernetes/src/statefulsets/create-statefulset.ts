import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createFromSpec } from '../objects/create-from-spec.js';
import { specArguments } from '../objects/spec-arguments.js';

/** Create a statefulset from a JSON or YAML spec file */
export const createStatefulset = defineActivity({
  name: 'create_statefulset',
  type: 'action',
  description: 'Create a statefulset from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.statefulset.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  run: (args, ctx) => createFromSpec(ctx, 'create_statefulset', args, 'apps/v1', 'StatefulSet'),
});
