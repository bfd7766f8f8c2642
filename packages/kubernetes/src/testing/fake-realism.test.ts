import { afterAll, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import { startFakeApiServer, fakeObjects } from './index.js';

// What the real API server (and its admission chain) refuses, the fake refuses the same way.
const server = await startFakeApiServer({ reconcile: false });
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': contentType, authorization: 'Bearer fake-token' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

const evict = (name: string, namespace = 'budget') =>
  call('POST', `/api/v1/namespaces/${namespace}/pods/${name}/eviction`, {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name, namespace },
  });

describe('the fake API server refuses what a real one refuses', () => {
  it('validates written objects against the official OpenAPI schemas: 422 Invalid', async () => {
    const answer = await call('POST', '/api/v1/namespaces/default/pods', {
      metadata: { name: 'broken' },
      spec: { containers: [{ image: 'busybox' }] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ reason: 'Invalid', message: expect.stringMatching(/spec\.containers\[0\]/) });
    const deployment = await call('POST', '/apis/apps/v1/namespaces/default/deployments', {
      metadata: { name: 'typo' },
      spec: { replicas: 'three', selector: {}, template: {} },
    });
    expect(deployment.status).toBe(422);
  });

  it("runs Istio's webhook: a fault beside a direct response is 400", async () => {
    const answer = await call('POST', '/apis/networking.istio.io/v1/namespaces/default/virtualservices', {
      metadata: { name: 'direct' },
      spec: {
        hosts: ['direct'],
        http: [{ directResponse: { status: 503 }, fault: { abort: { httpStatus: 500, percentage: { value: 100 } } } }],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['message']).toMatch(/validation\.istio\.io.*cannot contain both fault and direct_response/);
  });

  it('accepts field selectors only on the fields the real server supports: 400 otherwise', async () => {
    expect((await call('GET', '/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1')).status).toBe(200);
    expect((await call('GET', '/api/v1/pods?fieldSelector=status.podIP%3D10.0.0.1')).status).toBe(200);
    const refused = await call('GET', '/api/v1/pods?fieldSelector=spec.containers%3Dx');
    expect(refused).toMatchObject({ status: 400, body: { message: 'field label not supported: spec.containers' } });
    expect((await call('GET', '/apis/apps/v1/deployments?fieldSelector=status.replicas%3D1')).status).toBe(400);
    expect((await call('GET', '/apis/events.k8s.io/v1/events?fieldSelector=regarding.name%3Dx')).status).toBe(200);
  });

  it('refuses a PUT of a custom resource without resourceVersion: 422', async () => {
    server.store.put(fakeObjects.virtualService('vs', { namespace: 'default' }));
    const current = server.store.get('networking.istio.io/virtualservices', 'default', 'vs')!;
    const { resourceVersion: _rv, ...metadata } = current.metadata!;
    const answer = await call('PUT', '/apis/networking.istio.io/v1/namespaces/default/virtualservices/vs', {
      ...current,
      metadata,
    });
    expect(answer.status).toBe(422);
    expect(answer.body['message']).toMatch(/metadata\.resourceVersion: Invalid value: 0x0: must be specified/);
  });

  it('defaults a StatefulSet scale to 1 replica', async () => {
    server.store.put({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } } } },
    });
    const scale = await call('GET', '/apis/apps/v1/namespaces/default/statefulsets/db/scale');
    expect(scale.body).toMatchObject({ spec: { replicas: 1 } });
  });

  it('keeps a deleted pod Terminating, still Ready, for its grace period', async () => {
    server.store.put(fakeObjects.pod('slow', { namespace: 'default' }));
    await call('DELETE', '/api/v1/namespaces/default/pods/slow');
    const pod = server.store.get('pods', 'default', 'slow')!;
    expect(pod.metadata?.deletionTimestamp).toBeDefined();
    expect((pod['status'] as { conditions: Array<{ type: string; status: string }> }).conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True' }),
    );
    await until(() => server.store.get('pods', 'default', 'slow') === undefined, 10_000, 'the pod gone');
  });

  describe('evictions follow the budget status, as the eviction subresource does', () => {
    const budget = (name: string, status: Record<string, unknown>, spec: Record<string, unknown> = {}) => {
      server.store.put({
        ...fakeObjects.podDisruptionBudget(name, { namespace: 'budget', matchLabels: { app: name }, minAvailable: 1 }),
        ...(Object.keys(spec).length
          ? { spec: { selector: { matchLabels: { app: name } }, minAvailable: 1, ...spec } }
          : {}),
      });
      server.store.update('policy/poddisruptionbudgets', 'budget', name, (draft) => {
        draft['status'] = status;
      });
    };

    it('429 with Retry-After while the budget status lags its generation', async () => {
      server.store.put(fakeObjects.pod('lag-0', { namespace: 'budget', labels: { app: 'lag' } }));
      budget('lag', { observedGeneration: 0, disruptionsAllowed: 5, currentHealthy: 1, desiredHealthy: 1 });
      const answer = await evict('lag-0');
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('10');
      expect(JSON.stringify(answer.body)).toMatch(/still being processed/);
    });

    it('500 when two budgets cover the pod', async () => {
      server.store.put(fakeObjects.pod('two-0', { namespace: 'budget', labels: { app: 'two', tier: 'x' } }));
      budget('two', { observedGeneration: 1, disruptionsAllowed: 1 });
      server.store.put({
        ...fakeObjects.podDisruptionBudget('two-b', {
          namespace: 'budget',
          matchLabels: { tier: 'x' },
          minAvailable: 0,
        }),
      });
      const answer = await evict('two-0');
      expect(answer.status).toBe(500);
      expect(answer.body['message']).toMatch(/more than one PodDisruptionBudget/);
    });

    it('an unready pod goes only while the budget is met (default policy), or always with AlwaysAllow', async () => {
      server.store.put(fakeObjects.pod('sick-0', { namespace: 'budget', labels: { app: 'sick' }, ready: false }));
      budget('sick', { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1 });
      expect((await evict('sick-0')).status).toBe(429);
      budget(
        'sick',
        { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1 },
        {
          unhealthyPodEvictionPolicy: 'AlwaysAllow',
        },
      );
      expect((await evict('sick-0')).status).toBe(201);
    });

    it('uses up one allowed disruption per eviction (then 429)', async () => {
      for (const name of ['ok-0', 'ok-1'])
        server.store.put(fakeObjects.pod(name, { namespace: 'budget', labels: { app: 'ok' } }));
      budget('ok', { observedGeneration: 1, disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1 });
      expect((await evict('ok-0')).status).toBe(201);
      expect(server.store.get('policy/poddisruptionbudgets', 'budget', 'ok')!['status']).toMatchObject({
        disruptionsAllowed: 0,
        disruptedPods: { 'ok-0': expect.any(String) },
      });
      expect((await evict('ok-1')).status).toBe(429);
    });
  });
});
