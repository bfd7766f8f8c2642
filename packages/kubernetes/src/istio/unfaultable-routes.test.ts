import { afterEach, describe, expect, it } from 'vitest';
import { fakeObjects, type KubeObject } from '../testing/index.js';
import { startIstioTestCluster, type IstioTestCluster } from './__fixtures__/istio-test-cluster.js';
import { addAbortFault } from './add-abort-fault.js';
import { setFault } from './set-fault.js';
import type { RouteChangesResult } from './apply-route-changes.js';

let cluster: IstioTestCluster | undefined;
afterEach(async () => {
  await cluster?.fake.close();
  cluster = undefined;
});

const mixedVs = () =>
  fakeObjects.virtualService('edge-vs', {
    hosts: ['edge'],
    http: [
      { name: 'maintenance', match: [{ uri: { prefix: '/down' } }], directResponse: { status: 503 } },
      { name: 'old', match: [{ uri: { prefix: '/old' } }], redirect: { uri: '/new' } },
      { name: 'team', match: [{ uri: { prefix: '/team' } }], delegate: { name: 'team-vs', namespace: 'team' } },
      { name: 'main', route: [{ destination: { host: 'edge' } }] },
    ],
  });
const http = (vs: KubeObject) => (vs['spec'] as { http: Array<Record<string, unknown>> }).http;

describe('routes that cannot carry a fault', () => {
  it('are skipped and named in the output; the others get the fault', async () => {
    cluster = await startIstioTestCluster([mixedVs()]);
    const result = (await cluster.run(addAbortFault, {
      virtual_service_name: 'edge-vs',
      http_status: 503,
    })) as RouteChangesResult;
    expect(result.routes.map((route) => route.name)).toEqual(['main']);
    expect(result.skipped).toEqual([
      { index: 0, name: 'maintenance', reason: 'directResponse' },
      { index: 1, name: 'old', reason: 'redirect' },
      { index: 2, name: 'team', reason: 'delegate' },
    ]);
    const routes = http(cluster.virtualService('default', 'edge-vs'));
    expect(routes.map((route) => route['fault'] !== undefined)).toEqual([false, false, false, true]);
  });

  it('the fake refuses what Istio refuses: a fault beside a direct response (400)', async () => {
    cluster = await startIstioTestCluster([mixedVs()]);
    const current = cluster.virtualService('default', 'edge-vs');
    http(current)[0]!['fault'] = { abort: { httpStatus: 500, percentage: { value: 100 } } };
    const response = await fetch(
      `${cluster.fake.url}/apis/networking.istio.io/v1/namespaces/default/virtualservices/edge-vs`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: 'Bearer fake-token' },
        body: JSON.stringify(current),
      },
    );
    expect(response.status).toBe(400);
  });

  it('gRPC statuses must be gRPC code names; unknown fault fields are refused (the CRD would prune them)', async () => {
    cluster = await startIstioTestCluster([mixedVs()]);
    expect(() =>
      addAbortFault.arguments.parse({ virtual_service_name: 'edge-vs', grpc_status: 'UNAVAILABLE' }),
    ).not.toThrow();
    expect(() =>
      addAbortFault.arguments.parse({ virtual_service_name: 'edge-vs', grpc_status: 'unavailable' }),
    ).toThrow(/unknown gRPC status .{0,4}unavailable/);
    expect(() =>
      setFault.arguments.parse({
        virtual_service_name: 'edge-vs',
        fault: { abort: { httpStatus: 503, percentage: 100, delayMs: 5 } },
      }),
    ).toThrow(/delayMs/);
    expect(() =>
      setFault.arguments.parse({ virtual_service_name: 'edge-vs', fault: { delay: { fixedDelay: '1s' }, retries: 3 } }),
    ).toThrow(/retries/);
  });
});
