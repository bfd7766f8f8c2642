import { UsageError, type ActivityContext } from '@faultline/core';

/**
 * Settings of the Kubernetes driver: `kubernetes:` in the settings file, overridden per experiment
 * by `configuration.faultline_kubernetes` (same keys). snake_case and camelCase both accepted.
 */
export interface KubernetesSettings {
  /** kubeconfig context (KUBERNETES_CONTEXT in secrets/env wins). */
  context?: string;
  /** kubeconfig path (KUBECONFIG in secrets/env wins). */
  kubeconfig?: string;
  /** Client-side rate limit for bulk operations: sustained requests per second. */
  qps: number;
  /** Requests allowed in a burst above `qps`. */
  burst: number;
  /** Requests in flight at once in bulk operations. */
  concurrency: number;
  /** `limit` of each page when listing. */
  pageSize: number;
  /** Namespaces Faultline may touch ([] = all but the denied ones). */
  allowedNamespaces: string[];
  /** Namespaces Faultline never touches (kube-system by default). */
  deniedNamespaces: string[];
  /** Require `faultline.io/enabled=true` on the target or its namespace. */
  requireOptIn: boolean;
  /** Largest number of pods one activity may affect. */
  maxPods?: number;
  /** Largest share (0–100) of the matching pods one activity may affect. */
  maxPercentage?: number;
  /** Largest number of nodes one activity may cordon, taint or drain. */
  maxNodes?: number;
  /** Largest share (0–100) of the cluster's nodes one activity may cordon, taint or drain. */
  maxNodePercentage?: number;
  /** Refuse to terminate pods when fewer than this many ready replicas would remain. */
  minReady?: number;
  /** Resolve targets and report them, change nothing (also `--dry`). */
  dryRun: boolean;
  /** Emit a Kubernetes Event on each target of a fault. */
  emitEvents: boolean;
  /** Image of the stress pods (stress_node, stress_pods). */
  stressImage: string;
}

export const defaultKubernetesSettings: KubernetesSettings = {
  // Bulk faults on hundreds of pods (a delete and an event each) must not take minutes; API
  // Priority and Fairness still protects the server, and both are settings.
  qps: 400,
  burst: 800,
  concurrency: 20,
  pageSize: 500,
  allowedNamespaces: [],
  deniedNamespaces: ['kube-system'],
  requireOptIn: false,
  dryRun: false,
  emitEvents: true,
  stressImage: 'ghcr.io/colinianking/stress-ng:latest',
};

/** Keys without a default (unset means: not configured). */
const optionalKeys = ['context', 'kubeconfig', 'maxPods', 'maxPercentage', 'maxNodes', 'maxNodePercentage', 'minReady'];

const camel = (key: string) => key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function normalise(raw: unknown, where: string): Partial<KubernetesSettings> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new UsageError(`${where} must be a mapping`, {
      hint: 'e.g. kubernetes: { max_pods: 2, denied_namespaces: [kube-system] }',
    });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const name = camel(key);
    if (!(name in defaultKubernetesSettings) && !optionalKeys.includes(name)) {
      throw new UsageError(`${where}: unknown key "${key}"`, {
        hint: `known keys: ${[...Object.keys(defaultKubernetesSettings), ...optionalKeys].join(', ')}`,
      });
    }
    out[name] = value;
  }
  for (const key of ['allowedNamespaces', 'deniedNamespaces'] as const) {
    if (typeof out[key] === 'string')
      out[key] = String(out[key])
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
  }
  for (const key of [
    'qps',
    'burst',
    'concurrency',
    'pageSize',
    'maxPods',
    'maxPercentage',
    'maxNodes',
    'maxNodePercentage',
    'minReady',
  ] as const) {
    if (out[key] !== undefined) {
      const value = Number(out[key]);
      if (!Number.isFinite(value) || value < 0)
        throw new UsageError(`${where}.${key} must be a non-negative number, got ${JSON.stringify(out[key])}`);
      out[key] = value;
    }
  }
  for (const key of ['requireOptIn', 'dryRun', 'emitEvents'] as const) {
    if (typeof out[key] === 'string') out[key] = out[key] === 'true';
  }
  return out as Partial<KubernetesSettings>;
}

/** The effective settings of an activity: defaults ← settings.kubernetes ← configuration.faultline_kubernetes. */
export function kubernetesSettings(ctx: Pick<ActivityContext, 'settings' | 'configuration'>): KubernetesSettings {
  return {
    ...defaultKubernetesSettings,
    ...normalise(ctx.settings?.['kubernetes'], 'settings.kubernetes'),
    ...normalise(ctx.configuration?.['faultline_kubernetes'], 'configuration.faultline_kubernetes'),
  };
}
