import type { V1SecurityContext } from '@kubernetes/client-node';

/**
 * What Pod Security Admission's `restricted` level requires of a container: not root (a numeric
 * user, so the kubelet need not trust the image's USER), no privilege escalation, every capability
 * dropped, the runtime's default seccomp profile. stress-ng's CPU, memory and I/O stressors need none.
 */
export const restrictedSecurityContext: V1SecurityContext = {
  runAsNonRoot: true,
  runAsUser: 65534,
  runAsGroup: 65534,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};
