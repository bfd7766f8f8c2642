import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

type Lookup = Readonly<Record<string, unknown>>;

/**
 * The Kubernetes context a run's activities will use, found the way @faultline/kubernetes finds
 * it (secrets, then environment, then configuration and settings, then the kubeconfig's
 * current-context); `in-cluster` in a pod. Read without the Kubernetes client (it is slow to load).
 */
export function kubernetesContext(options: {
  secrets: Lookup;
  env: Readonly<Record<string, string | undefined>>;
  configuration: Lookup;
  settings: Lookup;
}): string | undefined {
  const { secrets, env } = options;
  const read = (key: string) => {
    const value = secrets[key] ?? env[key];
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  if (read('FAULTLINE_IN_POD') === 'true' || read('CHAOSTOOLKIT_IN_POD') === 'true') return 'in-cluster';
  const fromConfiguration = (options.configuration.faultline_kubernetes ?? {}) as { context?: string };
  const fromSettings = (options.settings.kubernetes ?? {}) as { context?: string; kubeconfig?: string };
  const named = read('KUBERNETES_CONTEXT') ?? fromConfiguration.context ?? fromSettings.context;
  if (named) return named;
  const paths = (read('KUBECONFIG') ?? fromSettings.kubeconfig ?? join(env.HOME ?? homedir(), '.kube', 'config'))
    .split(':')
    .filter(Boolean);
  for (const path of paths) {
    try {
      const current = (parse(readFileSync(path, 'utf8')) as { 'current-context'?: unknown })?.['current-context'];
      if (typeof current === 'string' && current) return current;
    } catch {
      // missing or unreadable: the next file, as kubectl merges them
    }
  }
  if (read('KUBERNETES_SERVICE_HOST')) return 'in-cluster';
  return undefined;
}
