import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError, type ActivityContext } from '@faultline/core';
import type { KubeConfig } from '@kubernetes/client-node';
import { proxyForServer } from './proxy-for-server.js';

/** How the connection was found, for `faultline doctor` and logs (never includes credentials). */
export interface KubeConnectionSource {
  mode: 'kubeconfig' | 'in-cluster' | 'host';
  server: string;
  context?: string;
  path?: string;
}

export interface LoadedKubeConfig {
  kubeConfig: KubeConfig;
  source: KubeConnectionSource;
}

type Lookup = (key: string) => string | undefined;

function lookupIn(
  secrets: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
): Lookup {
  return (key) => {
    const value = secrets[key] ?? env[key];
    if (value === undefined || value === null || value === '') return undefined;
    return String(value);
  };
}

/**
 * Find the cluster like chaosk8s's `create_k8s_api_client(secrets)`, each key read from the
 * secrets first and then the environment:
 * 1. `FAULTLINE_IN_POD=true` (or `CHAOSTOOLKIT_IN_POD=true`): the pod's service account;
 * 2. `KUBECONFIG` or `~/.kube/config` (or settings `kubeconfig`), context `KUBERNETES_CONTEXT`;
 * 3. `KUBERNETES_SERVICE_HOST` (running in a pod): the service account;
 * 4. `KUBERNETES_HOST` with `KUBERNETES_API_KEY` (token, prefix `KUBERNETES_API_KEY_PREFIX`),
 *    or `KUBERNETES_CERT_FILE` + `KUBERNETES_KEY_FILE`, or `KUBERNETES_USERNAME` + `KUBERNETES_PASSWORD`;
 *    `KUBERNETES_CA_CERT_FILE`, `KUBERNETES_VERIFY_SSL`.
 */
export async function loadKubeConfig(
  ctx: Pick<ActivityContext, 'secrets'> & Partial<Pick<ActivityContext, 'settings'>>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<LoadedKubeConfig> {
  const loaded = await findKubeConfig(ctx, env);
  const { kubeConfig } = loaded;
  // HTTPS_PROXY / NO_PROXY as kubectl honours them; a cluster's own proxy-url wins.
  if (kubeConfig.clusters.some((cluster) => !cluster.proxyUrl && proxyForServer(cluster.server, env))) {
    kubeConfig.loadFromOptions({
      clusters: kubeConfig.clusters.map((cluster) => {
        const proxyUrl = cluster.proxyUrl ?? proxyForServer(cluster.server, env);
        return proxyUrl ? { ...cluster, proxyUrl } : cluster;
      }),
      users: kubeConfig.users,
      contexts: kubeConfig.contexts,
      currentContext: kubeConfig.currentContext,
    });
  }
  return loaded;
}

async function findKubeConfig(
  ctx: Pick<ActivityContext, 'secrets'> & Partial<Pick<ActivityContext, 'settings'>>,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LoadedKubeConfig> {
  const k8s = await import('@kubernetes/client-node');
  const lookup = lookupIn(ctx.secrets ?? {}, env);
  const settings = (ctx.settings?.['kubernetes'] ?? {}) as { context?: string; kubeconfig?: string };
  const kubeConfig = new k8s.KubeConfig();

  const inPod = lookup('FAULTLINE_IN_POD') === 'true' || lookup('CHAOSTOOLKIT_IN_POD') === 'true';
  const host = lookup('KUBERNETES_HOST');
  const explicitHost = host !== undefined && ctx.secrets?.['KUBERNETES_HOST'] !== undefined;
  const configPath = lookup('KUBECONFIG') ?? settings.kubeconfig ?? join(env['HOME'] ?? homedir(), '.kube', 'config');
  const configFiles = configPath.split(':').filter((file) => file !== '' && existsSync(file));

  if (inPod || (!explicitHost && configFiles.length === 0 && lookup('KUBERNETES_SERVICE_HOST'))) {
    const serviceHost = lookup('KUBERNETES_SERVICE_HOST');
    if (!serviceHost)
      throw new UsageError('FAULTLINE_IN_POD=true but KUBERNETES_SERVICE_HOST is not set', {
        hint: 'run inside a pod, or unset FAULTLINE_IN_POD to use a kubeconfig',
      });
    // Same as client-node's loadFromCluster, but reading the injected environment, and the
    // service account directory overridable (FAULTLINE_SERVICEACCOUNT_ROOT) for tests.
    const root = lookup('FAULTLINE_SERVICEACCOUNT_ROOT') ?? '/var/run/secrets/kubernetes.io/serviceaccount';
    const port = lookup('KUBERNETES_SERVICE_PORT') ?? '443';
    const scheme = ['80', '8080', '8001'].includes(port) ? 'http' : 'https';
    const server = `${scheme}://${serviceHost.includes(':') ? `[${serviceHost}]` : serviceHost}:${port}`;
    const namespaceFile = join(root, 'namespace');
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'inCluster', server, caFile: join(root, 'ca.crt'), skipTLSVerify: false }],
      users: [
        { name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: join(root, 'token') } } },
      ],
      contexts: [
        {
          name: 'inClusterContext',
          cluster: 'inCluster',
          user: 'inClusterUser',
          ...(existsSync(namespaceFile) ? { namespace: readFileSync(namespaceFile, 'utf8').trim() } : {}),
        },
      ],
      currentContext: 'inClusterContext',
    });
    return { kubeConfig, source: { mode: 'in-cluster', server } };
  }

  if (!explicitHost && configFiles.length > 0) {
    if (configFiles.length === 1) kubeConfig.loadFromFile(configFiles[0]!);
    else {
      // KUBECONFIG=a:b merged like kubectl: the first file to name a cluster, user or context (or
      // to set current-context) wins; later duplicates are ignored, not an error.
      const pieces = configFiles.map((file) => {
        const piece = new k8s.KubeConfig();
        piece.loadFromFile(file);
        return piece;
      });
      const firstByName = <T extends { name: string }>(items: T[]) =>
        items.filter((item, index) => items.findIndex((other) => other.name === item.name) === index);
      kubeConfig.loadFromOptions({
        clusters: firstByName(pieces.flatMap((piece) => piece.clusters)),
        users: firstByName(pieces.flatMap((piece) => piece.users)),
        contexts: firstByName(pieces.flatMap((piece) => piece.contexts)),
        currentContext: pieces.find((piece) => piece.currentContext)?.currentContext ?? '',
      });
    }
    const context = lookup('KUBERNETES_CONTEXT') ?? settings.context;
    if (context) {
      if (!kubeConfig.getContextObject(context)) {
        throw new UsageError(`kubeconfig context "${context}" not found in ${configFiles.join(':')}`, {
          hint: `known contexts: ${
            kubeConfig
              .getContexts()
              .map((item) => item.name)
              .join(', ') || 'none'
          }`,
        });
      }
      kubeConfig.setCurrentContext(context);
    }
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster)
      throw new UsageError(`kubeconfig ${configFiles.join(':')} has no current context`, {
        hint: 'set KUBERNETES_CONTEXT or run kubectl config use-context <name>',
      });
    return {
      kubeConfig,
      source: {
        mode: 'kubeconfig',
        server: cluster.server,
        context: kubeConfig.getCurrentContext(),
        path: configFiles.join(':'),
      },
    };
  }

  if (host) {
    const verify = lookup('KUBERNETES_VERIFY_SSL');
    // client-node refuses plain http unless TLS verification is off, so http:// implies it.
    const skipTLSVerify = host.startsWith('http://') || !(verify === 'true' || verify === '1');
    const user: Record<string, string> = { name: 'faultline' };
    const apiKey = lookup('KUBERNETES_API_KEY') ?? lookup('KUBERNETES_TOKEN');
    if (apiKey) user['token'] = apiKey;
    else if (lookup('KUBERNETES_CERT_FILE')) {
      user['certFile'] = lookup('KUBERNETES_CERT_FILE')!;
      user['keyFile'] = lookup('KUBERNETES_KEY_FILE') ?? '';
    } else if (lookup('KUBERNETES_USERNAME')) {
      user['username'] = lookup('KUBERNETES_USERNAME')!;
      user['password'] = lookup('KUBERNETES_PASSWORD') ?? '';
    }
    const caFile = lookup('KUBERNETES_CA_CERT_FILE');
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'faultline', server: host, skipTLSVerify, ...(caFile ? { caFile } : {}) }],
      users: [user],
      contexts: [{ name: 'faultline', cluster: 'faultline', user: 'faultline' }],
      currentContext: 'faultline',
    });
    return { kubeConfig, source: { mode: 'host', server: host } };
  }

  throw new UsageError('no Kubernetes cluster configured', {
    hint: 'set KUBECONFIG (or create ~/.kube/config) and optionally KUBERNETES_CONTEXT, run in a pod, or set KUBERNETES_HOST with KUBERNETES_API_KEY in the secrets',
  });
}
