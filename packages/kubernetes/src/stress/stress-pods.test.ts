import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { stressPods } from './stress-pods.js';
import { stopPodStress } from './stop-pod-stress.js';

const { server, context } = await kubeTestCluster({
  reconcile: { podRecreateDelayMs: 50, unpullableImages: ['registry.local/missing:1'] },
});
afterAll(() => server.close());

const pods = () =>
  server.store.list('pods', { namespace: 'shop', labelSelector: 'app=web' }).items as Array<{
    metadata: { name: string; deletionTimestamp?: string };
    status?: { phase?: string };
    spec: {
      ephemeralContainers?: Array<{ name: string; image: string; args: string[]; targetContainerName?: string }>;
    };
  }>;

describe('stress_pods', () => {
  // Every test starts from 3 running pods of web, whatever ran before.
  beforeEach(async () => {
    if (!server.store.get('apps/deployments', 'shop', 'web'))
      server.store.put(fakeObjects.deployment('web', { namespace: 'shop', replicas: 3 }));
    await until(
      () =>
        pods().length === 3 &&
        pods().every((pod) => !pod.metadata.deletionTimestamp && pod.status?.phase === 'Running'),
    );
  });

  it('adds a stress-ng ephemeral container to the selected pods for the duration', async () => {
    const ctx = context({ kubernetes: { stress_image: 'registry.local/stress-ng:1' } });
    server.requests.length = 0;
    const result = (await stressPods.run(
      stressPods.arguments.parse({
        label_selector: 'app=web',
        ns: 'shop',
        qty: 2,
        stressors: ['cpu:2'],
        duration: 0.2,
        target_container: 'app',
      }),
      ctx,
    )) as { pods: string[]; container: string };
    expect(result.pods).toHaveLength(2);
    const ours = (pod: ReturnType<typeof pods>[number]) =>
      pod.spec.ephemeralContainers?.find((container) => container.name === result.container);
    const stressed = pods().filter(ours);
    expect(stressed.map((pod) => pod.metadata.name).sort()).toEqual([...result.pods].sort());
    expect(ours(stressed[0]!)).toEqual({
      name: result.container,
      image: 'registry.local/stress-ng:1',
      args: ['--cpu', '2', '--timeout', '1s', '--metrics-brief'],
      targetContainerName: 'app',
      securityContext: expect.objectContaining({ runAsNonRoot: true, allowPrivilegeEscalation: false }),
    });
    expect(server.requestsMatching('PUT', '/ephemeralcontainers')).toHaveLength(2);
    expect(ctx.reverts).toEqual([expect.objectContaining({ func: 'stop_pod_stress', done: true })]);
  });

  it('the revert restarts the managed pods still carrying the stress container', async () => {
    const { pods: stressed, container } = (await stressPods.run(
      stressPods.arguments.parse({ label_selector: 'app=web', ns: 'shop', qty: 2, duration: 0.05 }),
      context(),
    )) as { pods: string[]; container: string };
    const result = (await stopPodStress.run(
      stopPodStress.arguments.parse({ pods: stressed, container, ns: 'shop' }),
      context(),
    )) as { restarted: string[]; events: number };
    expect(result.restarted.sort()).toEqual([...stressed].sort());
    expect(result.events).toBe(stressed.length);
    const reverted = server.store
      .list('events', { namespace: 'shop' })
      .items.filter(
        (event) =>
          event['reason'] === 'FaultReverted' &&
          event['action'] === 'stop_pod_stress' &&
          stressed.includes((event['involvedObject'] as { name: string }).name),
      );
    expect(reverted.map((event) => (event['involvedObject'] as { name: string }).name).sort()).toEqual(
      [...stressed].sort(),
    );
    await until(() => pods().length === 3 && pods().every((pod) => !stressed.includes(pod.metadata.name)));
  });

  it('the fake refuses to remove an ephemeral container, like the API', async () => {
    const name = pods()[0]!.metadata.name;
    await stressPods.run(stressPods.arguments.parse({ name_pattern: name, ns: 'shop', duration: 0.05 }), context());
    const current = server.store.get('pods', 'shop', name)!;
    const response = await fetch(`${server.url}/api/v1/namespaces/shop/pods/${name}/ephemeralcontainers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: 'Bearer fake-token' },
      body: JSON.stringify({ ...current, spec: { ...(current['spec'] as object), ephemeralContainers: [] } }),
    });
    expect(response.status).toBe(422);
  });

  it('the fake validates ephemeral containers like the API: the target must exist, no resources or probes', async () => {
    const name = pods()[0]!.metadata.name;
    const current = server.store.get('pods', 'shop', name)!;
    const put = (container: Record<string, unknown>) =>
      fetch(`${server.url}/api/v1/namespaces/shop/pods/${name}/ephemeralcontainers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: 'Bearer fake-token' },
        body: JSON.stringify({
          ...current,
          spec: {
            ...(current['spec'] as { ephemeralContainers?: unknown[] }),
            ephemeralContainers: [
              ...((current['spec'] as { ephemeralContainers?: unknown[] }).ephemeralContainers ?? []),
              { name: 'debug', image: 'busybox', ...container },
            ],
          },
        }),
      });
    const ghost = await put({ targetContainerName: 'ghost' });
    expect(ghost.status).toBe(422);
    expect(((await ghost.json()) as { message: string }).message).toMatch(/targetContainerName: Not found: "ghost"/);
    const limited = await put({ resources: { limits: { cpu: '1' } } });
    expect(((await limited.json()) as { message: string }).message).toMatch(/resources: Forbidden/);
    expect((await put({ readinessProbe: { exec: { command: ['true'] } } })).status).toBe(422);
  });

  it('fails, saying why, when the stress container starts in no pod', async () => {
    const ctx = context({ kubernetes: { stress_image: 'registry.local/missing:1' } });
    await expect(
      stressPods.run(stressPods.arguments.parse({ label_selector: 'app=web', ns: 'shop', duration: 30 }), ctx),
    ).rejects.toThrow(/started in no pod, so no stress was applied \(.*ImagePullBackOff/);
    // Nothing runs: the revert (restarting the pods) is not needed.
    expect(ctx.reverts).toEqual([expect.objectContaining({ func: 'stop_pod_stress', done: true })]);
  });
});
