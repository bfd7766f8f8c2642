import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { createPolicy } from './create-policy.js';

/** chaosk8s's name for the policy, so its remove_allow_dns_access finds it. */
export const allowDnsPolicyName = 'chaostoolkit-allow-dns';

/**
 * Let the pods (all of the namespace, or those matching label_selectors) reach DNS on port 53 of any
 * namespace, typically alongside deny_all_egress; reverted by removing the policy.
 */
export const allowDnsAccess = defineActivity({
  name: 'allow_dns_access',
  type: 'action',
  description:
    'A NetworkPolicy letting pods reach DNS (port 53, UDP and TCP) in any namespace; reverted by removing it.',
  python: ['chaosk8s.networking.actions'],
  mutating: true,
  arguments: z.strictObject({
    label_selectors: z
      .record(z.string(), z.string())
      .optional()
      .describe('matchLabels of the pods; all pods of the namespace when omitted'),
    ns: kubeArguments.ns(),
  }),
  run: (args, ctx) =>
    createPolicy(
      'allow_dns_access',
      {
        metadata: { name: allowDnsPolicyName },
        spec: {
          podSelector: args.label_selectors ? { matchLabels: args.label_selectors } : {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: {} }],
              ports: [
                { port: 53, protocol: 'UDP' },
                { port: 53, protocol: 'TCP' },
              ],
            },
          ],
        },
      },
      args.ns,
      { func: 'remove_allow_dns_access', arguments: { ns: args.ns } },
      ctx,
    ),
});
