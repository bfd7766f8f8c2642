import { activityPermissions, type Permission } from './activity-permissions.js';

export interface NeededPermission extends Permission {
  /** Activities (by experiment name) that need it. */
  neededBy: string[];
}

interface ActivityLike {
  name?: string;
  ref?: string;
  provider?: { type?: string; module?: string; func?: string; arguments?: Record<string, unknown> };
}

const ours = (provider: NonNullable<ActivityLike['provider']>) =>
  (provider.type === 'python' && /^(chaosk8s|chaosistio)(\.|$)/.test(provider.module ?? '')) ||
  (provider.type === 'javascript' && /^(@faultline\/kubernetes|kubernetes|istio)$/.test(provider.module ?? ''));

/** `${key}` in string arguments replaced by the experiment's static configuration values. */
function substitute(args: Record<string, unknown>, configuration: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    out[key] =
      typeof value === 'string'
        ? value.replace(/\$\{([^}]+)\}/g, (whole, name: string) =>
            typeof configuration[name] === 'string' || typeof configuration[name] === 'number'
              ? String(configuration[name])
              : whole,
          )
        : value;
  }
  return out;
}

/** The permissions an experiment's Kubernetes/Istio activities need, deduplicated. */
export function experimentPermissions(experiment: Record<string, unknown>): {
  needed: NeededPermission[];
  unknown: string[];
} {
  const configuration = (
    experiment['configuration'] && typeof experiment['configuration'] === 'object' ? experiment['configuration'] : {}
  ) as Record<string, unknown>;
  const activities: ActivityLike[] = [];
  const hypothesis = experiment['steady-state-hypothesis'] as { probes?: ActivityLike[] } | undefined;
  for (const list of [hypothesis?.probes, experiment['method'], experiment['rollbacks']]) {
    if (Array.isArray(list)) activities.push(...(list as ActivityLike[]));
  }
  const byKey = new Map<string, NeededPermission>();
  const unknown: string[] = [];
  for (const activity of activities) {
    const provider = activity.provider;
    if (!provider || !ours(provider)) continue;
    const func = provider.func ?? '';
    const rule = activityPermissions[func] ?? activityPermissions[func.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
    if (!rule) {
      unknown.push(func);
      continue;
    }
    for (const permission of rule(substitute(provider.arguments ?? {}, configuration))) {
      const key = JSON.stringify([
        permission.verb,
        permission.group,
        permission.resource,
        permission.subresource,
        permission.namespace,
      ]);
      const entry = byKey.get(key) ?? { ...permission, neededBy: [] };
      const label = activity.name ?? func;
      if (!entry.neededBy.includes(label)) entry.neededBy.push(label);
      byKey.set(key, entry);
    }
  }
  return { needed: [...byKey.values()], unknown };
}
