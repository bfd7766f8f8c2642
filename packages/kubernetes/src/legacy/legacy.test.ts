import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
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

const { server, context } = await kubeTestCluster();
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
const pods = () => server.store.list('pods', { namespace: ns, labelSelector: 'name=orders' }).items;
// Each test works in a namespace of its own, so none sees what another left: any order works.
let ns = '';
let namespaces = 0;
beforeEach(() => {
  ns = `shop-${++namespaces}`;
  server.store.put(fakeObjects.namespace(ns));
});
/** The orders deployment the tests after start_microservice act on, up with its two pods. */
const startOrders = async () => {
  server.store.put(fakeObjects.deployment('orders', { namespace: ns, replicas: 2, labels }));
  await until(() => pods().length === 2, 15_000, 'two orders pods');
};
const args = <T>(activity: { arguments: { parse(value: unknown): T } }, value: unknown) =>
  activity.arguments.parse(value);

describe('chaosk8s.actions / chaosk8s.probes (deprecated microservice functions)', () => {
  it('start_microservice creates the deployment; the health probes see it; scale_microservice is reverted', async () => {
    const started = context({ experimentDir });
    await startMicroservice.run(args(startMicroservice, { spec_path: 'orders.json', ns }), started);
    expect(started.logs.some((log) => log.level === 'warn' && /deprecated.*create_deployment/.test(log.message))).toBe(
      true,
    );
    await until(() => pods().length === 2);
    expect(
      await deploymentIsFullyAvailable.run(
        args(deploymentIsFullyAvailable, { name: 'orders', ns, timeout: 10 }),
        context(),
      ),
    ).toBe(true);
    expect(await allMicroservicesHealthy.run(args(allMicroservicesHealthy, { ns }), context())).toBeTruthy();
    expect(
      await microserviceAvailableAndHealthy.run(
        args(microserviceAvailableAndHealthy, { name: 'orders', ns }),
        context(),
      ),
    ).toBe(true);
    const scaled = context();
    const notFully = deploymentIsNotFullyAvailable.run(
      args(deploymentIsNotFullyAvailable, { name: 'orders', ns, timeout: 10 }),
      context(),
    );
    await scaleMicroservice.run(args(scaleMicroservice, { name: 'orders', replicas: 1, ns }), scaled);
    expect(await notFully).toBe(true);
    await until(() => pods().length === 1);
    await replayReverts(scaled, context());
    await until(() => pods().length === 2);
  });

  it('read_microservices_logs reads the pods labelled name=<name>', async () => {
    await startOrders();
    for (const pod of pods()) server.store.podLogs.set(`${ns}/${pod.metadata!.name}`, 'GET /orders 200\n');
    const logs = (await readMicroservicesLogs.run(
      args(readMicroservicesLogs, { name: 'orders', ns }),
      context(),
    )) as Record<string, string>;
    expect(Object.keys(logs)).toHaveLength(2);
    expect(Object.values(logs)[0]).toContain('GET /orders 200');
  });

  it('service_endpoint_is_initialized formats "{name}" in its selector; remove_service_endpoint deletes (reverted)', async () => {
    server.store.put({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders', namespace: ns, labels },
      spec: { selector: labels, ports: [{ port: 80 }] },
    });
    expect(
      await serviceEndpointIsInitialized.run(args(serviceEndpointIsInitialized, { name: 'orders', ns }), context()),
    ).toBe(true);
    const removed = context();
    await removeServiceEndpoint.run(args(removeServiceEndpoint, { name: 'orders', ns }), removed);
    await expect(
      serviceEndpointIsInitialized.run(args(serviceEndpointIsInitialized, { name: 'orders', ns }), context()),
    ).rejects.toThrow(/not initialized/);
    await replayReverts(removed, context());
    expect(server.store.get('services', ns, 'orders')).toBeDefined();
  });

  it('kill_microservice deletes the deployment and its replica set (dry run first lists them)', async () => {
    await startOrders();
    const dry = (await killMicroservice.run(
      args(killMicroservice, { name: 'orders', ns }),
      context({ dryRun: true }),
    )) as {
      deployments: { deployments: string[] };
    };
    expect(dry.deployments.deployments).toEqual(['orders']);
    expect(server.store.get('apps/deployments', ns, 'orders')).toBeDefined();
    await killMicroservice.run(args(killMicroservice, { name: 'orders', ns }), context());
    expect(server.store.get('apps/deployments', ns, 'orders')).toBeUndefined();
    expect(server.store.list('apps/replicasets', { namespace: ns }).items).toEqual([]);
    await until(() => pods().length === 0);
    expect(
      await microserviceIsNotAvailable.run(args(microserviceIsNotAvailable, { name: 'orders', ns }), context()),
    ).toBe(true);
  });
});
