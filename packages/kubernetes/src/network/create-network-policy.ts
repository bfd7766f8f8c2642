import { z } from 'zod';
import { UsageError, defineActivity } from '@faultline/core';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { createPolicy } from './create-policy.js';

/** Create a NetworkPolicy from `spec` or a JSON/YAML file; reverted by removing it. */
export const createNetworkPolicy = defineActivity({
  name: 'create_network_policy',
  type: 'action',
  description:
    'Create a NetworkPolicy from its definition (spec) or a JSON/YAML file (spec_path); reverted by removing it.',
  python: ['chaosk8s.networking.actions'],
  mutating: true,
  arguments: z.strictObject({
    spec: z.record(z.string(), z.unknown()).optional().describe('the whole NetworkPolicy object'),
    spec_path: z.string().optional().describe('JSON or YAML file holding it (relative to the experiment)'),
    ns: kubeArguments.ns(),
  }),
  run(args, ctx) {
    let policy = args.spec as V1NetworkPolicy | undefined;
    if (args.spec_path) {
      const path = isAbsolute(args.spec_path) ? args.spec_path : join(ctx.experimentDir, args.spec_path);
      policy = parse(readFileSync(path, 'utf8')) as V1NetworkPolicy;
    }
    if (!policy?.metadata?.name)
      throw new UsageError('create_network_policy needs spec or spec_path with a metadata.name');
    return createPolicy(
      'create_network_policy',
      policy,
      args.ns,
      { func: 'remove_network_policy', arguments: { name: policy.metadata.name, ns: args.ns } },
      ctx,
    );
  },
});
