import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { allMicroservicesHealthy } from './all-microservices-healthy.js';
import { deploymentIsFullyAvailable } from './deployment-is-fully-available.js';
import { deploymentIsNotFullyAvailable } from './deployment-is-not-fully-available.js';
import { killMicroservice } from './kill-microservice.js';
import { microserviceAvailableAndHealthy } from './microservice-available-and-healthy.js';
import { microserviceIsNotAvailable } from './microservice-is-not-available.js';
import { readMicroservicesLogs } from './read-microservices-logs.js';
import { removeServiceEndpoint } from './remove-service-endpoint.js';
import { scaleMicroservice } from './scale-microservice.js';
import { serviceEndpointIsInitialized } from './service-endpoint-is-initialized.js';
import { startMicroservice } from './start-microservice.js';

const { server, context } = await kubeTestCluster({ objects: [fakeObjects.namespace('shop')] });
afterAll(() => server.close());
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-legacy-'));
const labels = { name: 'orders' };
writeFileSync(
  join(experimentDir, 'orders.json'),
  JSON.stringify({
    ...fakeObjects.deployment('orders', { namespace: 'shop', replicas: 2, labels }),
    metadata: { name: 'orders', labels },
  }),
);
const until = async (check: () => boolean, timeoutMs = 15_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
const pods = () => server.store.list('pods', { namespace: 'shop', labelSelector: 'name=orders' }).items;
const args = <T>(activity: { arguments: { parse(value: unknown): T } }, value: unknown) =>
  activity.arguments.parse(value);

describe('chaosk8s.actions / chaosk8s.probes (deprecated microservice functions)', () => {
  it('start_microservice creates the deployment; the health probes see it; scale_microservice is reverted', async () => {
    const started = context({ experimentDir });
    await startMicroservice.run(args(startMicroservice, { spec_path: 'orders.json', ns: 'shop' }), started);
    expect(started.logs.some((log) => log.level === 'warn' && /deprecated.*create_deployment/.test(log.message))).toBe(
      true,
    );
    await until(() => pods().length === 2);
    expect(
      await deploymentIsFullyAvailable.run(
        args(deploymentIsFullyAvailable, { name: 'orders', ns: 'shop', timeout: 10 }),
        context(),
      ),
    ).toBe(true);
    expect(await allMicroservicesHealthy.run(args(allMicroservicesHealthy, { ns: 'shop' }), context())).toBeTruthy();
    expect(
      await microserviceAvailableAndHealthy.run(
        args(microserviceAvailableAndHealthy, { name: 'orders', ns: 'shop' }),
        context(),
      ),
    ).toBe(true);
    const scaled = context();
    const notFully = deploymentIsNotFullyAvailable.run(
      args(deploymentIsNotFullyAvailable, { name: 'orders', ns: 'shop', timeout: 10 }),
      context(),
    );
    await scaleMicroservice.run(args(scaleMicroservice, { name: 'orders', replicas: 1, ns: 'shop' }), scaled);
    expect(await notFully).toBe(true);
    await until(() => pods().length === 1);
    await replayReverts(scaled, context());
    await until(() => pods().length === 2);
  });

  it('read_microservices_logs reads the pods labelled name=<name>', async () => {
    for (const pod of pods()) server.store.podLogs.set(`shop/${pod.metadata!.name}`, 'GET /orders 200\n');
    const logs = (await readMicroservicesLogs.run(
      args(readMicroservicesLogs, { name: 'orders', ns: 'shop' }),
      context(),
    )) as Record<string, string>;
    expect(Object.keys(logs)).toHaveLength(2);
    expect(Object.values(logs)[0]).toContain('GET /orders 200');
  });

  it('service_endpoint_is_initialized formats "{name}" in its selector; remove_service_endpoint deletes (reverted)', async () => {
    server.store.put({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders', namespace: 'shop', labels },
      spec: { selector: labels, ports: [{ port: 80 }] },
    });
    expect(
      await serviceEndpointIsInitialized.run(
        args(serviceEndpointIsInitialized, { name: 'orders', ns: 'shop' }),
        context(),
      ),
    ).toBe(true);
    const removed = context();
    await removeServiceEndpoint.run(args(removeServiceEndpoint, { name: 'orders', ns: 'shop' }), removed);
    await expect(
      serviceEndpointIsInitialized.run(args(serviceEndpointIsInitialized, { name: 'orders', ns: 'shop' }), context()),
    ).rejects.toThrow(/not initialized/);
    await replayReverts(removed, context());
    expect(server.store.get('services', 'shop', 'orders')).toBeDefined();
  });

  it('kill_microservice deletes the deployment and its replica set (dry run first lists them)', async () => {
    const dry = (await killMicroservice.run(
      args(killMicroservice, { name: 'orders', ns: 'shop' }),
      context({ dryRun: true }),
    )) as {
      deployments: { deployments: string[] };
    };
    expect(dry.deployments.deployments).toEqual(['orders']);
    expect(server.store.get('apps/deployments', 'shop', 'orders')).toBeDefined();
    await killMicroservice.run(args(killMicroservice, { name: 'orders', ns: 'shop' }), context());
    expect(server.store.get('apps/deployments', 'shop', 'orders')).toBeUndefined();
    expect(server.store.list('apps/replicasets', { namespace: 'shop' }).items).toEqual([]);
    await until(() => pods().length === 0);
    expect(
      await microserviceIsNotAvailable.run(args(microserviceIsNotAvailable, { name: 'orders', ns: 'shop' }), context()),
    ).toBe(true);
  });
});
