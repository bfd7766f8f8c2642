import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fakeObjects } from '../testing/index.js';
import { startIstioTestCluster, type IstioTestCluster } from './__fixtures__/istio-test-cluster.js';
import { istioActivities } from './istio-activities.js';
import { restoreVirtualServiceFaults } from './restore-virtual-service-faults.js';

interface Action {
  name: string;
  provider: { type: string; module: string; func: string; arguments: Record<string, unknown> };
}

const experimentFile = new URL('../../../../examples/istio/network-failure-experiment.yaml', import.meta.url);
const latencyFile = new URL('../../../../examples/istio/network-latency-experiment.yaml', import.meta.url);
let cluster: IstioTestCluster | undefined;
afterEach(async () => {
  await cluster?.fake.close();
  cluster = undefined;
});

describe('the seed Istio examples', () => {
  it('network-failure-experiment.yaml: its Istio actions resolve by python module + function and inject both faults, then revert cleanly', async () => {
    const experiment = parse(readFileSync(experimentFile, 'utf8')) as { method: Action[] };
    const vs = fakeObjects.virtualService('payment-service-vs', {
      namespace: 'ecommerce',
      hosts: ['payment-service'],
      http: [{ route: [{ destination: { host: 'payment-service.ecommerce.svc.cluster.local' } }] }],
    });
    cluster = await startIstioTestCluster([vs]);
    const ctx = cluster.context();

    expect(experiment.method.map((action) => `${action.provider.module}.${action.provider.func}`)).toEqual([
      'chaosistio.fault.actions.add_delay_fault',
      'chaosistio.fault.actions.add_abort_fault',
    ]);
    for (const action of experiment.method) {
      const activity = istioActivities.find(
        (candidate) => candidate.name === action.provider.func && candidate.python?.includes(action.provider.module),
      );
      expect(activity, action.name).toBeDefined();
      await cluster.run(activity!, action.provider.arguments, ctx);
    }

    const fault = () =>
      (cluster!.virtualService('ecommerce', 'payment-service-vs')['spec'] as { http: Array<{ fault?: unknown }> })
        .http[0]!.fault;
    expect(fault()).toEqual({
      delay: { fixedDelay: '2s', percentage: { value: 100 } },
      abort: { httpStatus: 503, percentage: { value: 50 } },
    });
    await cluster.revertAll(ctx, restoreVirtualServiceFaults);
    expect(fault()).toBeUndefined();
  });

  it('examples/istio/network-latency-experiment.yaml delays half of the requests of orders-vs by 3 s', async () => {
    const experiment = parse(readFileSync(latencyFile, 'utf8')) as { method: Action[] };
    cluster = await startIstioTestCluster([fakeObjects.virtualService('orders-vs', { hosts: ['orders'] })]);
    const [action] = experiment.method;
    const activity = istioActivities.find(
      (candidate) => candidate.name === action!.provider.func && candidate.python?.includes(action!.provider.module),
    );
    await cluster.run(activity!, action!.provider.arguments, cluster.context());
    expect(
      (cluster.virtualService('default', 'orders-vs')['spec'] as { http: Array<{ fault?: unknown }> }).http[0]!.fault,
    ).toEqual({ delay: { fixedDelay: '3s', percentage: { value: 50 } } });
  });
});
