import type { ResourceType } from './resource-types.js';

const group = 'rbac.authorization.k8s.io';

/** rbac.authorization.k8s.io/v1: the roles and bindings `faultline schedule` grants its service account. */
export const rbacResourceTypes: readonly ResourceType[] = [
  { group, versions: ['v1'], plural: 'roles', singular: 'role', kind: 'Role', namespaced: true },
  { group, versions: ['v1'], plural: 'rolebindings', singular: 'rolebinding', kind: 'RoleBinding', namespaced: true },
  { group, versions: ['v1'], plural: 'clusterroles', singular: 'clusterrole', kind: 'ClusterRole', namespaced: false },
  {
    group,
    versions: ['v1'],
    plural: 'clusterrolebindings',
    singular: 'clusterrolebinding',
    kind: 'ClusterRoleBinding',
    namespaced: false,
  },
];
