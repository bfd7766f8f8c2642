import type { KubeObject } from './resource-types.js';
import { StatusError } from './status-error.js';

export const enforceLabel = 'pod-security.kubernetes.io/enforce';

interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string };
}
interface Container {
  name: string;
  securityContext?: SecurityContext;
}
interface PodSpec {
  securityContext?: SecurityContext;
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  volumes?: Array<{ name: string; hostPath?: unknown }>;
}

/**
 * The Pod Security Standard "restricted" (the checks of k8s.io/pod-security-admission), for pods
 * created in — or ephemeral containers added in — a namespace labelled enforce=restricted.
 * A violation is 403 Forbidden listing every failed check, as the admission plugin answers.
 */
export function checkRestricted(pod: KubeObject): void {
  const spec = (pod['spec'] ?? {}) as PodSpec;
  const podContext = spec.securityContext ?? {};
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  const failures: string[] = [];
  const each = (what: string, bad: (container: Container) => boolean, fix: string) => {
    const names = containers.filter(bad).map((container) => `"${container.name}"`);
    if (names.length > 0)
      failures.push(`${what} (container${names.length > 1 ? 's' : ''} ${names.join(', ')} must ${fix})`);
  };
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC)
    failures.push('host namespaces (hostNetwork, hostPID, hostIPC)');
  const hostPaths = (spec.volumes ?? []).filter((volume) => volume.hostPath !== undefined);
  if (hostPaths.length > 0) failures.push(`restricted volume types (volume "${hostPaths[0]!.name}" uses hostPath)`);
  each('privileged', (c) => c.securityContext?.privileged === true, 'not set securityContext.privileged=true');
  each(
    'allowPrivilegeEscalation != false',
    (c) => c.securityContext?.allowPrivilegeEscalation !== false,
    'set securityContext.allowPrivilegeEscalation=false',
  );
  each(
    'unrestricted capabilities',
    (c) =>
      !(c.securityContext?.capabilities?.drop ?? []).includes('ALL') ||
      (c.securityContext?.capabilities?.add ?? []).some((cap) => cap !== 'NET_BIND_SERVICE'),
    'set securityContext.capabilities.drop=["ALL"]',
  );
  each(
    'runAsNonRoot != true',
    (c) => (c.securityContext?.runAsNonRoot ?? podContext.runAsNonRoot) !== true,
    'set securityContext.runAsNonRoot=true',
  );
  each('runAsUser=0', (c) => (c.securityContext?.runAsUser ?? podContext.runAsUser) === 0, 'not set runAsUser=0');
  const seccomp = (c: Container) => c.securityContext?.seccompProfile?.type ?? podContext.seccompProfile?.type;
  each(
    'seccompProfile',
    (c) => seccomp(c) !== 'RuntimeDefault' && seccomp(c) !== 'Localhost',
    'set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
  );
  if (failures.length > 0) {
    throw new StatusError(
      403,
      'Forbidden',
      `pods "${pod.metadata?.name ?? ''}" is forbidden: violates PodSecurity "restricted:latest": ${failures.join(', ')}`,
      { name: pod.metadata?.name, kind: 'pods' },
    );
  }
}
