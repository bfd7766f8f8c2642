import type { ResourceType } from './resource-types.js';

/** Ingresses and Chaos Mesh's NetworkChaos/StressChaos (custom resources), served by default too. */
export const moreResourceTypes: readonly ResourceType[] = [
  {
    group: 'networking.k8s.io',
    versions: ['v1'],
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
    subresources: ['status'],
  },
  {
    group: 'chaos-mesh.org',
    versions: ['v1alpha1'],
    plural: 'networkchaos',
    singular: 'networkchaos',
    kind: 'NetworkChaos',
    namespaced: true,
    custom: true,
  },
  {
    group: 'chaos-mesh.org',
    versions: ['v1alpha1'],
    plural: 'stresschaos',
    singular: 'stresschaos',
    kind: 'StressChaos',
    namespaced: true,
    custom: true,
  },
];
