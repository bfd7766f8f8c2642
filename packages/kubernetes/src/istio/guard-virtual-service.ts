import { ActivityFailedError } from '@faultline/core';
import type { KubernetesSettings } from '../client/index.js';
import type { VirtualService } from './virtual-service-types.js';
import type { VirtualServiceClient } from './virtual-service-client.js';

export const optInLabel = 'faultline.io/enabled';

/**
 * Refuses to inject into a namespace the settings deny (kube-system by default) or do not allow,
 * and, with `require_opt_in`, into a VirtualService whose object and namespace both lack
 * `faultline.io/enabled=true`. Reverts are never guarded: undoing must always be possible.
 */
export async function guardVirtualService(client: VirtualServiceClient, settings: KubernetesSettings, namespace: string, vs: VirtualService): Promise<void> {
  const what = `VirtualService ${namespace}/${vs.metadata.name ?? '?'}`;
  if (settings.deniedNamespaces.includes(namespace)) {
    throw new ActivityFailedError(`refusing to inject a fault into ${what}: namespace ${namespace} is denied`, { code: 'E_K8S_NAMESPACE_DENIED', hint: 'see the kubernetes.denied_namespaces setting' });
  }
  if (settings.allowedNamespaces.length > 0 && !settings.allowedNamespaces.includes(namespace)) {
    throw new ActivityFailedError(`refusing to inject a fault into ${what}: namespace ${namespace} is not allowed`, { code: 'E_K8S_NAMESPACE_DENIED', hint: `allowed namespaces: ${settings.allowedNamespaces.join(', ')} (kubernetes.allowed_namespaces)` });
  }
  if (!settings.requireOptIn) return;
  const labels = (vs.metadata['labels'] ?? {}) as Record<string, string>;
  if (labels[optInLabel] === 'true') return;
  const ns = await client.getNamespace(namespace);
  const nsLabels = ((ns.body as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels ?? {});
  if (ns.status === 200 && nsLabels[optInLabel] === 'true') return;
  throw new ActivityFailedError(`refusing to inject a fault into ${what}: neither it nor namespace ${namespace} has ${optInLabel}=true`, {
    code: 'E_K8S_NOT_OPTED_IN',
    hint: `kubectl label namespace ${namespace} ${optInLabel}=true (or turn off kubernetes.require_opt_in)`,
  });
}
