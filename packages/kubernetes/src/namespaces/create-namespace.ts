import { z } from 'zod';
import { UsageError, defineActivity } from '@faultline/core';
import { createObject } from '../objects/create-object.js';
import { expectKind } from '../objects/expect-kind.js';
import { loadManifest } from '../objects/load-manifest.js';

/** Create a namespace by name or from a spec file; reverted by deleting it. */
export const createNamespace = defineActivity({
  name: 'create_namespace',
  type: 'action',
  description: 'Create a namespace by name or from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.namespace.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1).optional(),
    spec_path: z.string().min(1).optional().describe('JSON or YAML file of the Namespace (wins over name)'),
  }),
  async run(args, ctx) {
    const manifest = args.spec_path
      ? loadManifest(args.spec_path, ctx.experimentDir, 'create_namespace')
      : args.name
        ? { metadata: { name: args.name } }
        : undefined;
    if (!manifest) throw new UsageError('create_namespace: You need to either specify name or spec_path');
    return createObject(ctx, 'create_namespace', expectKind(manifest, 'v1', 'Namespace', 'create_namespace'));
  },
});
