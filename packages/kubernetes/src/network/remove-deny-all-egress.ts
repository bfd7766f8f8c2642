import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { networkPolicyNames } from './network-policy-names.js';
import { removePolicy } from './remove-policy.js';

/** Remove the policy deny_all_egress created. */
export const removeDenyAllEgress = defineActivity({
  name: 'remove_deny_all_egress',
  type: 'action',
  description: 'Remove the NetworkPolicy created by deny_all_egress.',
  python: ['chaosk8s.networking.actions'],
  arguments: z.strictObject({ ns: kubeArguments.ns(), _faultline_revert: kubeArguments.revertFlag() }),
  run: (args, ctx) =>
    removePolicy(networkPolicyNames.egress, args.ns, ctx, 'remove_deny_all_egress', args._faultline_revert),
});
