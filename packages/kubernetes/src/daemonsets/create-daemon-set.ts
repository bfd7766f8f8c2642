import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createFromSpec } from '../objects/create-from-spec.js';
import { specArguments } from '../objects/spec-arguments.js';

/** Create a daemon set from a JSON or YAML spec file */
export const createDaemonSet = defineActivity({
  name: 'create_daemon_set',
  type: 'action',
  description: 'Create a daemon set from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.daemonset.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  run: (args, ctx) => createFromSpec(ctx, 'create_daemon_set', args, 'apps/v1', 'DaemonSet'),
});
