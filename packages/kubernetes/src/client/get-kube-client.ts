import type { ActivityContext } from '@faultline/core';
import { createKubeClient, type KubeClient } from './kube-client.js';
import { kubernetesSettings } from './kubernetes-settings.js';
import { loadKubeConfig } from './load-kube-config.js';

const cache = new Map<string, Promise<KubeClient>>();

/**
 * The client for an activity's secrets and settings, created once per distinct connection and
 * shared by the activities of a run (so the limiter is shared too). Imports client-node lazily.
 */
export async function getKubeClient(
  ctx: Pick<ActivityContext, 'secrets' | 'settings' | 'configuration'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<KubeClient> {
  const settings = kubernetesSettings(ctx);
  const { kubeConfig, source } = await loadKubeConfig(ctx, env);
  // Key on what identifies the connection and its limits (kept in memory only: it may hold a token).
  const key = JSON.stringify([
    kubeConfig.exportConfig(),
    settings.qps,
    settings.burst,
    settings.concurrency,
    settings.pageSize,
  ]);
  let client = cache.get(key);
  if (!client) {
    client = import('@kubernetes/client-node').then((k8s) => createKubeClient(k8s, kubeConfig, source, settings));
    cache.set(key, client);
    client.catch(() => cache.delete(key));
  }
  return client;
}
