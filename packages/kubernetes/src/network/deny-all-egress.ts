import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { createPolicy } from './create-policy.js';
import { networkPolicyNames } from './network-policy-names.js';

/** Deny all egress traffic of the namespace's pods (or those matching label_selectors); reverted by removing the policy. */
export const denyAllEgress = defineActivity({
  name: 'deny_all_egress',
  type: 'action',
  description:
    'Partition pods: a NetworkPolicy denying all egress traffic of the namespace (or of pods matching label_selectors).',
  python: ['chaosk8s.networking.actions'],
  mutating: true,
  arguments: z.strictObject({
    label_selectors: z
      .record(z.string(), z.string())
      .optional()
      .describe('matchLabels of the pods to isolate; all pods of the namespace when omitted'),
    ns: kubeArguments.ns(),
  }),
  run: (args, ctx) =>
    createPolicy(
      'deny_all_egress',
      {
        metadata: { name: networkPolicyNames.egress },
        spec: {
          podSelector: args.label_selectors ? { matchLabels: args.label_selectors } : {},
          policyTypes: ['Egress'],
          egress: [],
        },
      },
      args.ns,
      { func: 'remove_deny_all_egress', arguments: { ns: args.ns } },
      ctx,
    ),
});
