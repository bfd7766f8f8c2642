import type { KubeClient } from '../client/kube-client.js';

interface WorkloadObject {
  metadata?: { name?: string };
  spec?: { replicas?: number };
  status?: { readyReplicas?: number };
}

/** Ready means every desired replica is ready (a missing readyReplicas counts as 0). */
export const isFullyReady = (object: WorkloadObject) =>
  (object.status?.readyReplicas ?? 0) === (object.spec?.replicas ?? 1);

/**
 * Watch a Deployment or StatefulSet (by name, optionally also a label selector) until its
 * readiness equals `ready`, like chaosk8s's `_deployment_readiness_has_state`: true once reached,
 * false when `timeoutSeconds` pass first. A watch the server closes early is re-established.
 */
export async function waitForReadiness(
  client: KubeClient,
  options: {
    plural: 'deployments' | 'statefulsets';
    name: string;
    ns: string;
    labelSelector?: string;
    ready: boolean;
    timeoutSeconds: number;
    signal?: AbortSignal;
    onEvent?: (type: string, object: WorkloadObject) => void;
  },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  const watch = new client.k8s.Watch(client.kubeConfig);
  const path = `/apis/apps/v1/namespaces/${encodeURIComponent(options.ns)}/${options.plural}`;
  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    const remaining = deadline - Date.now();
    const outcome = await new Promise<'reached' | 'closed' | 'timeout'>((resolve, reject) => {
      let controller: AbortController | undefined;
      let settled = false;
      const finish = (value: 'reached' | 'closed' | 'timeout' | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        controller?.abort();
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      const onAbort = () =>
        finish(options.signal!.reason instanceof Error ? options.signal!.reason : new Error('aborted'));
      const timer = setTimeout(() => finish('timeout'), remaining);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      watch
        .watch(
          path,
          {
            fieldSelector: `metadata.name=${options.name}`,
            ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
            timeoutSeconds: Math.max(1, Math.ceil(remaining / 1000)),
            allowWatchBookmarks: false,
          },
          (type, object: WorkloadObject) => {
            options.onEvent?.(type, object);
            if ((type === 'ADDED' || type === 'MODIFIED') && isFullyReady(object) === options.ready) finish('reached');
          },
          (error: unknown) => {
            if (error && !settled) {
              // A failed watch request (e.g. 403) is an error, not a timeout.
              const status = (error as { statusCode?: number }).statusCode;
              if (status) finish(new Error(`watching ${options.plural} failed: HTTP ${status}`));
              else finish('closed');
            } else finish('closed');
          },
        )
        .then(
          (value) => {
            controller = value;
            if (settled) value.abort();
          },
          (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
        );
    });
    if (outcome === 'reached') return true;
    if (outcome === 'timeout') return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, Math.max(0, deadline - Date.now()))));
  }
  return false;
}
