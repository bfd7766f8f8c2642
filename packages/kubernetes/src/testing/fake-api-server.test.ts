import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import * as k8s from '@kubernetes/client-node';
import { fakeObjects } from './fake-objects.js';
import { startFakeApiServer, type FakeApiServer } from './fake-api-server.js';

function statusOf(error: unknown): { code: number; reason: string } {
  const exception = error as { code: number; body: unknown };
  const body =
    typeof exception.body === 'string'
      ? (JSON.parse(exception.body) as { reason: string; kind: string })
      : (exception.body as { reason: string; kind: string });
  expect(body.kind).toBe('Status');
  return { code: exception.code, reason: body.reason };
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; reason: string }> {
  try {
    await promise;
  } catch (error) {
    return statusOf(error);
  }
  throw new Error('expected the request to fail');
}

describe('fake Kubernetes API server', () => {
  let server: FakeApiServer;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;

  beforeEach(async () => {
    server = await startFakeApiServer({ reconcile: { podRecreateDelayMs: 150 } });
    core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
    apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists with label and field selectors and paginates with limit/continue', async () => {
    for (let i = 0; i < 7; i += 1)
      server.store.put(
        fakeObjects.pod(`web-${i}`, {
          namespace: 'shop',
          labels: { app: i < 5 ? 'web' : 'db', tier: String(i % 2) },
          nodeName: `node-${i % 2}`,
          phase: i === 6 ? 'Failed' : 'Running',
        }),
      );
    const web = await core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=web,tier in (1)' });
    expect(web.items.map((pod) => pod.metadata?.name)).toEqual(['web-1', 'web-3']);
    const onNode = await core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=node-0,status.phase!=Failed' });
    expect(onNode.items.map((pod) => pod.metadata?.name)).toEqual(['web-0', 'web-2', 'web-4']);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedPod({ namespace: 'shop', limit: 3, _continue: token });
      names.push(...page.items.map((pod) => pod.metadata!.name!));
      token = page.metadata?._continue;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-5', 'web-6']);
    expect(
      server.requestsMatching('GET', '/api/v1/namespaces/shop/pods').map((request) => request.query['limit']),
    ).toContain('3');
  });

  it('returns real Status objects: 404, 409 AlreadyExists, 409 Conflict on stale resourceVersion, 422', async () => {
    expect(await failure(core.readNamespacedPod({ name: 'nope', namespace: 'default' }))).toEqual({
      code: 404,
      reason: 'NotFound',
    });
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'cfg' }, data: { a: '1' } },
    });
    expect(
      await failure(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cfg' } } })),
    ).toEqual({ code: 409, reason: 'AlreadyExists' });
    const current = await core.readNamespacedConfigMap({ name: 'cfg', namespace: 'default' });
    const stale = structuredClone(current);
    await core.replaceNamespacedConfigMap({
      name: 'cfg',
      namespace: 'default',
      body: { ...current, data: { a: '2' } },
    });
    expect(
      await failure(
        core.replaceNamespacedConfigMap({ name: 'cfg', namespace: 'default', body: { ...stale, data: { a: '3' } } }),
      ),
    ).toEqual({ code: 409, reason: 'Conflict' });
    expect(
      await failure(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'Bad_Name' } } })),
    ).toEqual({ code: 422, reason: 'Invalid' });
    expect(
      await failure(core.createNamespacedConfigMap({ namespace: 'missing', body: { metadata: { name: 'x' } } })),
    ).toEqual({ code: 404, reason: 'NotFound' });
    expect(Number(current.metadata!.resourceVersion)).toBeGreaterThan(0);
  });

  it('applies merge, strategic-merge and JSON patches', async () => {
    server.store.put(fakeObjects.node('worker-1'));
    const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
    await core.patchNode(
      { name: 'worker-1', body: { spec: { unschedulable: true }, metadata: { labels: { a: 'b' } } } },
      merge,
    );
    let node = server.store.get('nodes', undefined, 'worker-1')!;
    expect(node['spec']).toEqual({ unschedulable: true });
    expect(node.metadata!.labels).toMatchObject({ a: 'b', 'kubernetes.io/hostname': 'worker-1' });
    await core.patchNode({
      name: 'worker-1',
      body: [{ op: 'add', path: '/spec/taints', value: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }],
    });
    expect(server.store.get('nodes', undefined, 'worker-1')!['spec']).toMatchObject({
      taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }],
    });
    expect(
      await failure(
        core.patchNode({ name: 'worker-1', body: [{ op: 'test', path: '/spec/unschedulable', value: false }] }),
      ),
    ).toEqual({ code: 422, reason: 'Invalid' });
    server.store.put(fakeObjects.deployment('api', { replicas: 1 }));
    const strategic = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch);
    await apps.patchNamespacedDeployment(
      {
        name: 'api',
        namespace: 'default',
        body: { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'X', value: '1' }] }] } } } },
      },
      strategic,
    );
    const deployment = server.store.get('apps/deployments', 'default', 'api')! as {
      spec: { template: { spec: { containers: Array<{ name: string; image: string; env: unknown[] }> } } };
    };
    expect(deployment.spec.template.spec.containers).toEqual([
      { name: 'app', image: 'example/api:1', env: [{ name: 'X', value: '1' }] },
    ]);
    node = server.store.get('nodes', undefined, 'worker-1')!;
    expect(
      server.requests.filter((request) => request.method === 'PATCH').map((request) => request.contentType),
    ).toEqual([
      'application/merge-patch+json',
      'application/json-patch+json',
      'application/json-patch+json',
      'application/strategic-merge-patch+json',
    ]);
  });

  it('serves the scale subresource and reconciles deployments into ready pods', async () => {
    server.store.put(fakeObjects.deployment('api', { namespace: 'shop', replicas: 2 }));
    await until(() => server.store.list('pods', { namespace: 'shop', labelSelector: 'app=api' }).items.length === 2);
    await apps.replaceNamespacedDeploymentScale({
      name: 'api',
      namespace: 'shop',
      body: { metadata: { name: 'api', namespace: 'shop' }, spec: { replicas: 4 } },
    });
    await until(
      () =>
        (server.store.get('apps/deployments', 'shop', 'api')!['status'] as { readyReplicas?: number }).readyReplicas ===
        4,
    );
    const scale = await apps.readNamespacedDeploymentScale({ name: 'api', namespace: 'shop' });
    expect(scale.spec?.replicas).toBe(4);
    expect(scale.status?.selector).toBe('app=api');
    const pods = await core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=api' });
    expect(pods.items.every((pod) => pod.status?.phase === 'Running')).toBe(true);
  });

  it('recreates a deleted pod only after the configured delay', async () => {
    server.store.put(fakeObjects.deployment('api', { replicas: 2 }));
    await until(() => server.store.list('pods', { labelSelector: 'app=api' }).items.length === 2);
    const victim = server.store.list('pods', { labelSelector: 'app=api' }).items[0]!.metadata!.name!;
    const deletedAt = Date.now();
    await core.deleteNamespacedPod({ name: victim, namespace: 'default', gracePeriodSeconds: 0 });
    expect(server.store.list('pods', { labelSelector: 'app=api' }).items).toHaveLength(1);
    await until(() => server.store.list('pods', { labelSelector: 'app=api' }).items.length === 2);
    expect(Date.now() - deletedAt).toBeGreaterThanOrEqual(140);
    expect(server.store.get('pods', 'default', victim)).toBeUndefined();
    expect(server.requestsMatching('DELETE', `/pods/${victim}`)[0]!.query['gracePeriodSeconds']).toBe('0');
  });

  it('refuses evictions that would violate a PodDisruptionBudget with 429', async () => {
    server.store.put(fakeObjects.pod('a', { labels: { app: 'db' } }));
    server.store.put(fakeObjects.pod('b', { labels: { app: 'db' } }));
    server.store.put(fakeObjects.podDisruptionBudget('db', { matchLabels: { app: 'db' }, minAvailable: 1 }));
    // The disruption controller computes the budget's status first.
    await until(
      () =>
        (
          server.store.get('policy/poddisruptionbudgets', 'default', 'db')?.['status'] as {
            disruptionsAllowed?: number;
          }
        )?.disruptionsAllowed === 1,
    );
    await core.createNamespacedPodEviction({
      name: 'a',
      namespace: 'default',
      body: { metadata: { name: 'a', namespace: 'default' } },
    });
    expect(server.store.get('pods', 'default', 'a')?.metadata?.deletionTimestamp).toBeDefined();
    expect(
      await failure(
        core.createNamespacedPodEviction({
          name: 'b',
          namespace: 'default',
          body: { metadata: { name: 'b', namespace: 'default' } },
        }),
      ),
    ).toEqual({ code: 429, reason: 'TooManyRequests' });
    expect(server.store.get('pods', 'default', 'b')).toBeDefined();
  });

  it('streams watch events as JSON lines and serves pod logs', async () => {
    server.store.put(fakeObjects.pod('a', { labels: { app: 'x' } }));
    server.store.podLogs.set('default/a', 'one\ntwo\nthree\n');
    const seen: string[] = [];
    const watch = new k8s.Watch(server.kubeConfig);
    const controller = await watch.watch(
      '/api/v1/namespaces/default/pods',
      { labelSelector: 'app=x' },
      (type, object: k8s.V1Pod) => {
        seen.push(`${type}:${object.metadata?.name}`);
      },
      () => {},
    );
    await until(() => seen.length === 1);
    server.store.put(fakeObjects.pod('b', { labels: { app: 'x' } }));
    server.store.put(fakeObjects.pod('c', { labels: { app: 'other' } }));
    server.store.delete('pods', 'default', 'a');
    await until(() => seen.length === 3);
    controller.abort();
    expect(seen).toEqual(['ADDED:a', 'ADDED:b', 'DELETED:a']);
    server.store.podLogs.set('default/b', 'one\ntwo\nthree\n');
    const log = await core.readNamespacedPodLog({ name: 'b', namespace: 'default', tailLines: 2 });
    expect(log).toBe('two\nthree\n');
  });

  it('serves Istio VirtualServices under v1alpha3 and v1 as the same objects; CRDs refuse strategic merge', async () => {
    const custom = server.kubeConfig.makeApiClient(k8s.CustomObjectsApi);
    server.store.put(fakeObjects.virtualService('orders-vs', { namespace: 'shop' }));
    const alpha = (await custom.getNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1alpha3',
      namespace: 'shop',
      plural: 'virtualservices',
      name: 'orders-vs',
    })) as {
      apiVersion: string;
      spec: { http: Array<Record<string, unknown>> };
      metadata: { resourceVersion: string };
    };
    expect(alpha.apiVersion).toBe('networking.istio.io/v1alpha3');
    alpha.spec.http[0]!['fault'] = { delay: { fixedDelay: '3s', percentage: { value: 50 } } };
    await custom.replaceNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1alpha3',
      namespace: 'shop',
      plural: 'virtualservices',
      name: 'orders-vs',
      body: alpha,
    });
    const v1 = (await custom.getNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1',
      namespace: 'shop',
      plural: 'virtualservices',
      name: 'orders-vs',
    })) as typeof alpha;
    expect(v1.apiVersion).toBe('networking.istio.io/v1');
    expect(v1.spec.http[0]!['fault']).toEqual({ delay: { fixedDelay: '3s', percentage: { value: 50 } } });
    expect(
      await failure(
        custom.replaceNamespacedCustomObject({
          group: 'networking.istio.io',
          version: 'v1',
          namespace: 'shop',
          plural: 'virtualservices',
          name: 'orders-vs',
          body: alpha,
        }),
      ),
    ).toEqual({ code: 409, reason: 'Conflict' });
    const strategic = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch);
    expect(
      await failure(
        custom.patchNamespacedCustomObject(
          {
            group: 'networking.istio.io',
            version: 'v1',
            namespace: 'shop',
            plural: 'virtualservices',
            name: 'orders-vs',
            body: { spec: {} },
          },
          strategic,
        ),
      ),
    ).toEqual({ code: 415, reason: 'UnsupportedMediaType' });
  });

  it('enforces an authorizer (403) and answers SelfSubjectAccessReview; injects failures', async () => {
    server.authorize = (attributes) => !(attributes.verb === 'delete' && attributes.resource === 'pods');
    server.store.put(fakeObjects.pod('a'));
    expect(await failure(core.deleteNamespacedPod({ name: 'a', namespace: 'default' }))).toEqual({
      code: 403,
      reason: 'Forbidden',
    });
    const authz = server.kubeConfig.makeApiClient(k8s.AuthorizationV1Api);
    const denied = await authz.createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb: 'delete', resource: 'pods', namespace: 'default' } } },
    });
    const allowed = await authz.createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb: 'list', resource: 'pods', namespace: 'default' } } },
    });
    expect([denied.status?.allowed, allowed.status?.allowed]).toEqual([false, true]);
    server.injectFailure({ method: 'GET', path: '/pods/a', status: 429 });
    expect(await failure(core.readNamespacedPod({ name: 'a', namespace: 'default' }))).toEqual({
      code: 429,
      reason: 'TooManyRequests',
    });
    expect((await core.readNamespacedPod({ name: 'a', namespace: 'default' })).metadata?.name).toBe('a');
  });

  it('requires the bearer token when configured', async () => {
    const secured = await startFakeApiServer({ token: 's3cret', reconcile: false });
    try {
      const ok = await secured.kubeConfig.makeApiClient(k8s.CoreV1Api).listNamespace();
      expect(ok.items.map((ns) => ns.metadata?.name)).toContain('kube-system');
      const anonymous = new k8s.KubeConfig();
      anonymous.loadFromOptions({
        clusters: [{ name: 'c', server: secured.url, skipTLSVerify: true }],
        users: [{ name: 'u' }],
        contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
        currentContext: 'x',
      });
      // client-node drops the body of a 401, so check the raw response and the code it reports.
      await expect(anonymous.makeApiClient(k8s.CoreV1Api).listNamespace()).rejects.toMatchObject({ code: 401 });
      const raw = await fetch(`${secured.url}/api/v1/namespaces`, { headers: { authorization: 'Bearer wrong' } });
      expect([raw.status, ((await raw.json()) as { reason: string }).reason]).toEqual([401, 'Unauthorized']);
    } finally {
      await secured.close();
    }
  });
});

describe('fake API server with graceful pod termination', () => {
  it('keeps a deleted pod Terminating for podTerminationMs while its replacement starts; grace 0 is immediate', async () => {
    const server = await startFakeApiServer({ podTerminationMs: 300, reconcile: { podRecreateDelayMs: 0 } });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      server.store.put(fakeObjects.deployment('api', { replicas: 2 }));
      await until(() => server.store.list('pods', { labelSelector: 'app=api' }).items.length === 2);
      const [first, second] = server.store
        .list('pods', { labelSelector: 'app=api' })
        .items.map((pod) => pod.metadata!.name!);
      const deleted = await core.deleteNamespacedPod({ name: first!, namespace: 'default' });
      expect(deleted.metadata?.deletionTimestamp).toBeDefined();
      expect(server.store.get('pods', 'default', first!)).toBeDefined();
      await until(() => server.store.list('pods', { labelSelector: 'app=api' }).items.length === 3);
      await until(() => server.store.get('pods', 'default', first!) === undefined);
      await core.deleteNamespacedPod({ name: second!, namespace: 'default', gracePeriodSeconds: 0 });
      expect(server.store.get('pods', 'default', second!)).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
