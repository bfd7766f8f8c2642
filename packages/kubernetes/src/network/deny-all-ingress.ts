import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { createPolicy } from './create-policy.js';
import { networkPolicyNames } from './network-policy-names.js';

/** Deny all ingress traffic of the namespace's pods (or those matching label_selectors); reverted by removing the policy. */
export const denyAllIngress = defineActivity({
  name: 'deny_all_ingress',
  type: 'action',
  description:
    'Partition pods: a NetworkPolicy denying all ingress traffic of the namespace (or of pods matching label_selectors).',
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
      'deny_all_ingress',
      {
        metadata: { name: networkPolicyNames.ingress },
        spec: {
          podSelector: args.label_selectors ? { matchLabels: args.label_selectors } : {},
          policyTypes: ['Ingress'],
          ingress: [],
        },
      },
      args.ns,
      { func: 'remove_deny_all_ingress', arguments: { ns: args.ns } },
      ctx,
    ),
});
