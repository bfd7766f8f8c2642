import type * as K8s from '@kubernetes/client-node';
import type { KubeConnectionSource } from './load-kube-config.js';
import { RateLimiter } from './rate-limiter.js';
import { retryingHttpLibrary } from './retrying-http-library.js';
import type { KubernetesSettings } from './kubernetes-settings.js';

export type KubernetesModule = typeof K8s;

/** The typed API clients of one connection, with the limiter every bulk operation goes through. */
export interface KubeClient {
  readonly k8s: KubernetesModule;
  readonly kubeConfig: K8s.KubeConfig;
  readonly source: KubeConnectionSource;
  readonly core: K8s.CoreV1Api;
  readonly apps: K8s.AppsV1Api;
  readonly networking: K8s.NetworkingV1Api;
  readonly policy: K8s.PolicyV1Api;
  readonly custom: K8s.CustomObjectsApi;
  readonly authorization: K8s.AuthorizationV1Api;
  readonly version: K8s.VersionApi;
  readonly events: K8s.EventsV1Api;
  readonly limiter: RateLimiter;
  readonly pageSize: number;
  /** Request options that send a body as a JSON merge patch (client-node defaults to JSON patch). */
  readonly mergePatch: K8s.ConfigurationOptions;
  readonly strategicMergePatch: K8s.ConfigurationOptions;
  readonly jsonPatch: K8s.ConfigurationOptions;
  /**
   * GET a path as plain JSON, through the same authentication and retries as the typed clients
   * but without their model classes: for big lists, where building a V1Pod per item costs more
   * time and memory than the selection itself.
   */
  getJson<T>(path: string, query?: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T>;
}

export function createKubeClient(
  k8s: KubernetesModule,
  kubeConfig: K8s.KubeConfig,
  source: KubeConnectionSource,
  settings: Pick<KubernetesSettings, 'qps' | 'burst' | 'concurrency' | 'pageSize'>,
): KubeClient {
  // kubeConfig.makeApiClient, but over an HTTP library that retries 429 and 5xx (every request).
  const httpApi = retryingHttpLibrary(k8s);
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new Error('the kubeconfig has no current cluster');
  const configuration = k8s.createConfiguration({
    baseServer: new k8s.ServerConfiguration(server, {}),
    authMethods: { default: kubeConfig },
    httpApi,
  });
  const make = <T>(api: new (configuration: K8s.Configuration) => T): T => new api(configuration);
  async function getJson<T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
    signal?: AbortSignal,
  ): Promise<T> {
    const request = new k8s.RequestContext(`${server!.replace(/\/$/, '')}${path}`, k8s.HttpMethod.GET);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) request.setQueryParam(key, String(value));
    request.setHeaderParam('Accept', 'application/json');
    if (signal) request.setSignal(signal);
    await kubeConfig.applySecurityAuthentication(request);
    const response = await httpApi.send(request).toPromise();
    const text = await response.body.text();
    if (response.httpStatusCode >= 200 && response.httpStatusCode < 300) return JSON.parse(text) as T;
    // The same error the typed clients throw, so kubeErrorInfo and kubeFailure read it alike.
    throw new k8s.ApiException(response.httpStatusCode, `HTTP ${response.httpStatusCode}`, text, response.headers);
  }
  return {
    k8s,
    kubeConfig,
    source,
    core: make(k8s.CoreV1Api),
    apps: make(k8s.AppsV1Api),
    networking: make(k8s.NetworkingV1Api),
    policy: make(k8s.PolicyV1Api),
    custom: make(k8s.CustomObjectsApi),
    authorization: make(k8s.AuthorizationV1Api),
    version: make(k8s.VersionApi),
    events: make(k8s.EventsV1Api),
    limiter: new RateLimiter(settings),
    pageSize: settings.pageSize,
    mergePatch: k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    strategicMergePatch: k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    jsonPatch: k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    getJson,
  };
}
