import { moreResourceTypes } from './more-resource-types.js';
import { batchResourceTypes } from './batch-resource-types.js';
import { rbacResourceTypes } from './rbac-resource-types.js';
import type { ResourceType } from './resource-types.js';

const verbsNamespacedDefault = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** The resource types served by default: what Faultline's activities touch, plus Istio. */
export const defaultResourceTypes: readonly ResourceType[] = [
  {
    group: '',
    versions: ['v1'],
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    subresources: ['status'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    subresources: ['status'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    subresources: ['status', 'eviction', 'log', 'ephemeralcontainers'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    subresources: ['status'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  { group: '', versions: ['v1'], plural: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true },
  {
    group: '',
    versions: ['v1'],
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    shortNames: ['ep'],
  },
  {
    group: 'apps',
    versions: ['v1'],
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    subresources: ['status', 'scale'],
  },
  {
    group: 'apps',
    versions: ['v1'],
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    subresources: ['status', 'scale'],
  },
  {
    group: 'apps',
    versions: ['v1'],
    plural: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    subresources: ['status', 'scale'],
  },
  {
    group: 'apps',
    versions: ['v1'],
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    subresources: ['status'],
  },
  {
    group: 'policy',
    versions: ['v1'],
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    subresources: ['status'],
  },
  {
    group: 'networking.k8s.io',
    versions: ['v1'],
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    kind: 'NetworkPolicy',
    namespaced: true,
    shortNames: ['netpol'],
  },
  {
    group: 'events.k8s.io',
    versions: ['v1'],
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    storedAs: '/events',
  },
  {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    plural: 'virtualservices',
    singular: 'virtualservice',
    kind: 'VirtualService',
    namespaced: true,
    shortNames: ['vs'],
    custom: true,
  },
  {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    plural: 'destinationrules',
    singular: 'destinationrule',
    kind: 'DestinationRule',
    namespaced: true,
    shortNames: ['dr'],
    custom: true,
  },
  {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    plural: 'gateways',
    singular: 'gateway',
    kind: 'Gateway',
    namespaced: true,
    shortNames: ['gw'],
    custom: true,
  },
  ...moreResourceTypes,
  ...batchResourceTypes,
  ...rbacResourceTypes,
];

/** Lookup of resource types by group + version + plural, and of storage by group + plural. */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();
  private readonly types: ResourceType[] = [];

  constructor(types: readonly ResourceType[] = defaultResourceTypes) {
    for (const type of types) this.add(type);
  }

  add(type: ResourceType): void {
    this.types.push(type);
    for (const version of type.versions) this.byPath.set(`${type.group}/${version}/${type.plural}`, type);
  }

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  /** The resource type of an object by its apiVersion and kind. */
  findByKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.types.find((type) => type.group === group && type.kind === kind && type.versions.includes(version!));
  }

  groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const type of this.types) {
      const versions = groups.get(type.group) ?? [];
      for (const version of type.versions) if (!versions.includes(version)) versions.push(version);
      groups.set(type.group, versions);
    }
    return groups;
  }

  /** The APIResourceList body of GET /api/v1 or /apis/<group>/<version> (discovery). */
  resourceList(group: string, version: string): Record<string, unknown> | undefined {
    const types = this.types.filter((type) => type.group === group && type.versions.includes(version));
    if (types.length === 0) return undefined;
    const resources: Array<Record<string, unknown>> = [];
    for (const type of types) {
      resources.push({
        name: type.plural,
        singularName: type.singular,
        namespaced: type.namespaced,
        kind: type.kind,
        verbs: verbsNamespacedDefault,
        shortNames: type.shortNames ?? [],
      });
      for (const sub of type.subresources ?? []) {
        const kind = sub === 'scale' ? 'Scale' : sub === 'eviction' ? 'Eviction' : type.kind;
        const verbs = sub === 'eviction' ? ['create'] : sub === 'log' ? ['get'] : ['get', 'patch', 'update'];
        resources.push({ name: `${type.plural}/${sub}`, singularName: '', namespaced: type.namespaced, kind, verbs });
      }
    }
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group === '' ? version : `${group}/${version}`,
      resources,
    };
  }
}
