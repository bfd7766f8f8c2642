import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { removePolicy } from './remove-policy.js';

/** Remove a NetworkPolicy by name. */
export const removeNetworkPolicy = defineActivity({
  name: 'remove_network_policy',
  type: 'action',
  description: 'Remove a NetworkPolicy by name.',
  python: ['chaosk8s.networking.actions'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    _faultline_revert: kubeArguments.revertFlag(),
  }),
  run: (args, ctx) => removePolicy(args.name, args.ns, ctx, 'remove_network_policy', args._faultline_revert),
});
