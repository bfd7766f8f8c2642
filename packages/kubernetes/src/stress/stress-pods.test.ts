import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { stressPods } from './stress-pods.js';
import { stopPodStress } from './stop-pod-stress.js';

const { server, context } = await kubeTestCluster({ reconcile: { podRecreateDelayMs: 50 } });
afterAll(() => server.close());

const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const pods = () =>
  server.store.list('pods', { namespace: 'shop', labelSelector: 'app=web' }).items as Array<{
    metadata: { name: string };
    spec: {
      ephemeralContainers?: Array<{ name: string; image: string; args: string[]; targetContainerName?: string }>;
    };
  }>;

describe('stress_pods', () => {
  it('adds a stress-ng ephemeral container to the selected pods for the duration', async () => {
    server.store.put(fakeObjects.deployment('web', { namespace: 'shop', replicas: 3 }));
    await until(() => pods().length === 3);
    const ctx = context({ kubernetes: { stress_image: 'registry.local/stress-ng:1' } });
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
    const stressed = pods().filter((pod) => pod.spec.ephemeralContainers?.length);
    expect(stressed.map((pod) => pod.metadata.name).sort()).toEqual([...result.pods].sort());
    expect(stressed[0]!.spec.ephemeralContainers![0]).toEqual({
      name: result.container,
      image: 'registry.local/stress-ng:1',
      args: ['--cpu', '2', '--timeout', '1s', '--metrics-brief'],
      targetContainerName: 'app',
    });
    expect(server.requestsMatching('PUT', '/ephemeralcontainers')).toHaveLength(2);
    expect(ctx.reverts).toEqual([expect.objectContaining({ func: 'stop_pod_stress', done: true })]);
  });

  it('the revert restarts the managed pods still carrying the stress container', async () => {
    const stressed = pods()
      .filter((pod) => pod.spec.ephemeralContainers?.length)
      .map((pod) => pod.metadata.name);
    const container = pods().find((pod) => pod.spec.ephemeralContainers?.length)!.spec.ephemeralContainers![0]!.name;
    const result = (await stopPodStress.run(
      stopPodStress.arguments.parse({ pods: stressed, container, ns: 'shop' }),
      context(),
    )) as { restarted: string[]; events: number };
    expect(result.restarted.sort()).toEqual([...stressed].sort());
    expect(result.events).toBe(stressed.length);
    const reverted = server.store
      .list('events', { namespace: 'shop' })
      .items.filter((event) => event['reason'] === 'FaultReverted' && event['action'] === 'stop_pod_stress');
    expect(reverted.map((event) => (event['involvedObject'] as { name: string }).name).sort()).toEqual(
      [...stressed].sort(),
    );
    await until(() => pods().length === 3 && pods().every((pod) => !pod.spec.ephemeralContainers?.length));
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
});
