import type { ActivityContext } from '@faultline/core';
import { listObjects } from '../objects/list-objects.js';

export interface DaemonSetStatus {
  name: string;
  numberReady: number;
  desiredNumberScheduled: number;
}

export interface DaemonSetQuery {
  name: string;
  ns: string;
  label_selector?: string;
}

/** The daemon sets of that name (and label selector), with the two counts chaosk8s compares. */
export async function daemonSetStatus(
  ctx: Pick<ActivityContext, 'secrets' | 'settings' | 'configuration'>,
  activity: string,
  args: DaemonSetQuery,
): Promise<DaemonSetStatus[]> {
  const items = await listObjects(ctx, activity, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    namespace: args.ns,
    // chaosk8s filters by name and label selector together, the selector formatted with {name}.
    name: args.name,
    labelSelector: args.label_selector?.replaceAll('{name}', args.name),
  });
  return items.map((item) => {
    const status = (item['status'] ?? {}) as { numberReady?: number; desiredNumberScheduled?: number };
    return {
      name: item.metadata?.name ?? args.name,
      numberReady: status.numberReady ?? 0,
      desiredNumberScheduled: status.desiredNumberScheduled ?? 0,
    };
  });
}

/**
 * Poll until a daemon set's readiness (every desired pod ready) equals `ready`: true when it does,
 * false once `timeoutSeconds` pass (chaosk8s watches for the same condition).
 */
export async function waitForDaemonSet(
  ctx: Pick<ActivityContext, 'secrets' | 'settings' | 'configuration' | 'signal'>,
  activity: string,
  args: DaemonSetQuery & { timeout: number },
  ready: boolean,
  intervalMs = 250,
): Promise<boolean> {
  const deadline = Date.now() + args.timeout * 1000;
  for (;;) {
    ctx.signal.throwIfAborted();
    const sets = await daemonSetStatus(ctx, activity, args);
    if (sets.some((set) => (set.numberReady === set.desiredNumberScheduled) === ready)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
