import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { allowDnsPolicyName } from './allow-dns-access.js';
import { removePolicy } from './remove-policy.js';

/** Remove the policy allow_dns_access created. */
export const removeAllowDnsAccess = defineActivity({
  name: 'remove_allow_dns_access',
  type: 'action',
  description: 'Remove the NetworkPolicy created by allow_dns_access.',
  python: ['chaosk8s.networking.actions'],
  arguments: z.strictObject({ ns: kubeArguments.ns(), _faultline_revert: kubeArguments.revertFlag() }),
  run: (args, ctx) => removePolicy(allowDnsPolicyName, args.ns, ctx, 'remove_allow_dns_access', args._faultline_revert),
});
