import type { Permission } from '../doctor/activity-permissions.js';
import type { KubeObject } from '../testing/resource-types.js';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

export interface RbacTarget {
  /** Schedule name: the objects are `faultline-<name>` (cluster-scoped ones `faultline-<namespace>-<name>`). */
  name: string;
  /** Where the CronJob and its ServiceAccount live. */
  namespace: string;
  serviceAccount: string;
  labels: Record<string, string>;
  /** Rules the Job itself needs in its own namespace (writing its result summary). */
  ownRules: PolicyRule[];
}

const rbacVersion = 'rbac.authorization.k8s.io/v1';

/** One rule per API group + resource, verbs sorted: the smallest Role that grants exactly `permissions`. */
function rulesFor(permissions: readonly Permission[]): PolicyRule[] {
  const verbs = new Map<string, Set<string>>();
  for (const permission of permissions) {
    const resource = permission.subresource ? `${permission.resource}/${permission.subresource}` : permission.resource;
    const key = JSON.stringify([permission.group, resource]);
    verbs.set(key, (verbs.get(key) ?? new Set()).add(permission.verb));
  }
  return [...verbs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, set]) => {
      const [group, resource] = JSON.parse(key) as [string, string];
      return { apiGroups: [group], resources: [resource], verbs: [...set].sort() };
    });
}

/**
 * The Roles, ClusterRole and bindings that grant the schedule's service account what its
 * activities need (the `faultline doctor` table): a Role + RoleBinding in each target namespace,
 * a ClusterRole + ClusterRoleBinding only for cluster-wide permissions.
 */
export function rbacForPermissions(permissions: readonly Permission[], target: RbacTarget): KubeObject[] {
  const byNamespace = new Map<string | undefined, Permission[]>([[target.namespace, []]]);
  for (const permission of permissions)
    byNamespace.set(permission.namespace, [...(byNamespace.get(permission.namespace) ?? []), permission]);
  const subjects = [{ kind: 'ServiceAccount', name: target.serviceAccount, namespace: target.namespace }];
  const objects: KubeObject[] = [];
  const namespaced = [...byNamespace.entries()].filter(([ns]) => ns !== undefined) as Array<[string, Permission[]]>;
  for (const [namespace, list] of namespaced.sort(([a], [b]) => a.localeCompare(b))) {
    const name = `faultline-${target.name}`;
    const metadata = { name, namespace, labels: target.labels };
    const rules = [...rulesFor(list), ...(namespace === target.namespace ? target.ownRules : [])];
    if (rules.length === 0) continue;
    objects.push({ apiVersion: rbacVersion, kind: 'Role', metadata, rules });
    objects.push({
      apiVersion: rbacVersion,
      kind: 'RoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects,
    });
  }
  const cluster = byNamespace.get(undefined);
  if (cluster?.length) {
    const name = `faultline-${target.namespace}-${target.name}`;
    const metadata = { name, labels: target.labels };
    objects.push({ apiVersion: rbacVersion, kind: 'ClusterRole', metadata, rules: rulesFor(cluster) });
    objects.push({
      apiVersion: rbacVersion,
      kind: 'ClusterRoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects,
    });
  }
  return objects;
}
