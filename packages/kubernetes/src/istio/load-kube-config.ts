import type { ActivityContext } from '@faultline/core';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * Interim connection setup (the shared one in ../client replaces it): KUBERNETES_HOST (+ token) from
 * secrets or the environment, otherwise KUBECONFIG / ~/.kube/config with KUBERNETES_CONTEXT.
 */
export async function loadKubeConfig(ctx: Pick<ActivityContext, 'secrets'>): Promise<KubeConfig> {
  const k8s = await import('@kubernetes/client-node');
  const lookup = (key: string): string | undefined => {
    const value = ctx.secrets[key] ?? process.env[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const kc = new k8s.KubeConfig();
  const host = lookup('KUBERNETES_HOST');
  if (host !== undefined) {
    const token = lookup('KUBERNETES_API_KEY');
    kc.loadFromClusterAndUser(
      { name: 'faultline', server: host, skipTLSVerify: lookup('KUBERNETES_VERIFY_SSL') !== 'true' },
      token === undefined ? { name: 'faultline' } : { name: 'faultline', token },
    );
    return kc;
  }
  kc.loadFromDefault();
  const context = lookup('KUBERNETES_CONTEXT');
  if (context !== undefined) kc.setCurrentContext(context);
  return kc;
}
