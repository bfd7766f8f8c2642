import type { KubeObject } from './resource-types.js';

interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  /** Default Running (Ready when Running). */
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  ready?: boolean;
  /** ISO time; sets creationTimestamp ordering for `order: oldest`. */
  createdAt?: string;
  conditions?: Array<{ type: string; status: string }>;
}

const readyConditions = (ready: boolean) =>
  ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({
    type,
    status: type === 'PodScheduled' || type === 'Initialized' || ready ? 'True' : 'False',
  }));

/** Builders of the objects tests seed the fake cluster with (plain JSON, ready to `store.put`). */
export const fakeObjects = {
  namespace(name: string, labels: Record<string, string> = {}): KubeObject {
    return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
  },

  node(
    name: string,
    options: {
      labels?: Record<string, string>;
      unschedulable?: boolean;
      ready?: boolean;
      taints?: Array<{ key: string; value?: string; effect: string }>;
    } = {},
  ): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, ...options.labels } },
      spec: {
        ...(options.unschedulable ? { unschedulable: true } : {}),
        ...(options.taints ? { taints: options.taints } : {}),
      },
      status: {
        conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }],
        addresses: [{ type: 'InternalIP', address: '10.0.0.1' }],
      },
    };
  },

  /** A standalone pod with a final status (the reconciler leaves pods with a status alone). */
  pod(name: string, options: PodOptions = {}): KubeObject {
    const phase = options.phase ?? 'Running';
    const ready = options.ready ?? phase === 'Running';
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: options.namespace ?? 'default',
        labels: options.labels ?? {},
        ...(options.createdAt ? { creationTimestamp: options.createdAt } : {}),
      },
      spec: {
        // Short, so tests see the Terminating window real clusters have without waiting 30 s.
        terminationGracePeriodSeconds: 1,
        containers: [{ name: 'app', image: 'example/app:1' }],
        ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      },
      status: {
        phase,
        conditions: options.conditions ?? readyConditions(ready),
        containerStatuses: [{ name: 'app', ready, restartCount: 0, image: 'example/app:1' }],
      },
    };
  },

  deployment(
    name: string,
    options: { namespace?: string; replicas?: number; labels?: Record<string, string> } = {},
  ): KubeObject {
    const labels = options.labels ?? { app: name };
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: options.namespace ?? 'default', labels },
      spec: {
        replicas: options.replicas ?? 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'app', image: `example/${name}:1` }] },
        },
      },
    };
  },

  statefulSet(
    name: string,
    options: { namespace?: string; replicas?: number; labels?: Record<string, string> } = {},
  ): KubeObject {
    const labels = options.labels ?? { app: name };
    return {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: options.namespace ?? 'default', labels },
      spec: {
        replicas: options.replicas ?? 1,
        serviceName: name,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'app', image: `example/${name}:1` }] },
        },
      },
    };
  },

  podDisruptionBudget(
    name: string,
    options: {
      namespace?: string;
      matchLabels: Record<string, string>;
      minAvailable?: number | string;
      maxUnavailable?: number | string;
    },
  ): KubeObject {
    return {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace: options.namespace ?? 'default' },
      spec: {
        selector: { matchLabels: options.matchLabels },
        ...(options.minAvailable !== undefined ? { minAvailable: options.minAvailable } : {}),
        ...(options.maxUnavailable !== undefined ? { maxUnavailable: options.maxUnavailable } : {}),
      },
    };
  },

  virtualService(
    name: string,
    options: { namespace?: string; hosts?: string[]; http?: unknown[]; apiVersion?: string } = {},
  ): KubeObject {
    const host = options.hosts?.[0] ?? name.replace(/-vs$/, '');
    return {
      apiVersion: options.apiVersion ?? 'networking.istio.io/v1alpha3',
      kind: 'VirtualService',
      metadata: { name, namespace: options.namespace ?? 'default' },
      spec: { hosts: options.hosts ?? [host], http: options.http ?? [{ route: [{ destination: { host } }] }] },
    };
  },
} as const;
