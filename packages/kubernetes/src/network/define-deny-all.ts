import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { createPolicy } from './create-policy.js';
import { networkPolicyNames } from './network-policy-names.js';
import { removePolicy } from './remove-policy.js';

type Direction = keyof typeof networkPolicyNames;
const policyType = { ingress: 'Ingress', egress: 'Egress' } as const;

/**
 * chaosk8s's deny_all_ingress / deny_all_egress, which differ only in the direction: a
 * NetworkPolicy denying all traffic that way, reverted by its remove_deny_all_* twin.
 */
export function defineDenyAll(direction: Direction) {
  const name = `deny_all_${direction}`;
  return defineActivity({
    name,
    type: 'action',
    description: `Partition pods: a NetworkPolicy denying all ${direction} traffic of the namespace (or of pods matching label_selectors).`,
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
        name,
        {
          metadata: { name: networkPolicyNames[direction] },
          spec: {
            podSelector: args.label_selectors ? { matchLabels: args.label_selectors } : {},
            policyTypes: [policyType[direction]],
            [direction]: [],
          },
        },
        args.ns,
        { func: `remove_${name}`, arguments: { ns: args.ns } },
        ctx,
      ),
  });
}

/** remove_deny_all_ingress / remove_deny_all_egress: remove the policy its twin created. */
export function defineRemoveDenyAll(direction: Direction) {
  const name = `remove_deny_all_${direction}`;
  return defineActivity({
    name,
    type: 'action',
    description: `Remove the NetworkPolicy created by deny_all_${direction}.`,
    python: ['chaosk8s.networking.actions'],
    arguments: z.strictObject({ ns: kubeArguments.ns(), _faultline_revert: kubeArguments.revertFlag() }),
    run: (args, ctx) => removePolicy(networkPolicyNames[direction], args.ns, ctx, name, args._faultline_revert),
  });
}
