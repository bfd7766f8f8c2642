/** chaosk8s's policy names, kept so existing rollbacks (remove_deny_all_*) find them. */
export const networkPolicyNames = {
  ingress: 'chaostoolkit-deny-all-ingress',
  egress: 'chaostoolkit-deny-all-egress',
} as const;
