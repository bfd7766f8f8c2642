import { afterEach, describe, expect, it } from 'vitest';
import { fakeObjects, type KubeObject } from '../testing/index.js';
import { startIstioTestCluster, type IstioTestCluster } from './__fixtures__/istio-test-cluster.js';
import { addAbortFault } from './add-abort-fault.js';
import { addDelayFault } from './add-delay-fault.js';
import { restoreVirtualServiceFaults } from './restore-virtual-service-faults.js';
import type { RouteChangesResult } from './apply-route-changes.js';

const vsPath = /\/virtualservices\//;
let cluster: IstioTestCluster | undefined;
afterEach(async () => {
  await cluster?.fake.close();
  cluster = undefined;
});

const vsIn = (namespace: string) =>
  fakeObjects.virtualService('api-vs', {
    namespace,
    hosts: ['api'],
    http: [{ route: [{ destination: { host: 'api' } }] }],
  });
const fault = (object: KubeObject) => (object['spec'] as { http: Array<{ fault?: unknown }> }).http[0]!.fault;

describe('namespace guards', () => {
  it('refuse kube-system by default without writing, yet a recorded revert there still runs', async () => {
    cluster = await startIstioTestCluster([vsIn('kube-system')]);
    const { fake, context, run, virtualService } = cluster;
    const ctx = context();
    await expect(
      run(addDelayFault, { virtual_service_name: 'api-vs', fixed_delay: '1s', ns: 'kube-system' }, ctx),
    ).rejects.toMatchObject({ code: 'E_K8S_SAFETY' });
    // Refused before any request about the VirtualService.
    expect(fake.requests.filter((request) => vsPath.test(request.path))).toEqual([]);
    expect(ctx.reverts).toEqual([]);

    fake.store.update('networking.istio.io/virtualservices', 'kube-system', 'api-vs', (object) => {
      (object['spec'] as { http: Array<Record<string, unknown>> }).http[0]!['fault'] = { abort: { httpStatus: 500 } };
    });
    await run(
      restoreVirtualServiceFaults,
      {
        virtual_service_name: 'api-vs',
        ns: 'kube-system',
        routes: [{ index: 0, identity: { destinations: [{ host: 'api' }] }, fault: null }],
      },
      context(),
    );
    expect(fault(virtualService('kube-system', 'api-vs'))).toBeUndefined();
  });

  it('honour allowed_namespaces from the experiment configuration', async () => {
    cluster = await startIstioTestCluster([vsIn('shop'), vsIn('payments')]);
    const { context, run } = cluster;
    const configuration = { faultline_kubernetes: { allowed_namespaces: ['shop'] } };
    await run(
      addAbortFault,
      { virtual_service_name: 'api-vs', http_status: 503, ns: 'shop' },
      context({ configuration }),
    );
    await expect(
      run(
        addAbortFault,
        { virtual_service_name: 'api-vs', http_status: 503, ns: 'payments' },
        context({ configuration }),
      ),
    ).rejects.toThrow(/not in allowed_namespaces/);
  });

  it('with require_opt_in, need faultline.io/enabled=true on the VirtualService or its namespace', async () => {
    cluster = await startIstioTestCluster([vsIn('shop')]);
    const { fake, context, run } = cluster;
    const settings = { kubernetes: { require_opt_in: true } };
    await expect(
      run(addDelayFault, { virtual_service_name: 'api-vs', fixed_delay: '1s', ns: 'shop' }, context({ settings })),
    ).rejects.toThrow(/not opted in/);
    fake.store.update('namespaces', undefined, 'shop', (object) => {
      object.metadata!.labels = { ...object.metadata!.labels, 'faultline.io/enabled': 'true' };
    });
    const result = (await run(
      addDelayFault,
      { virtual_service_name: 'api-vs', fixed_delay: '1s', ns: 'shop' },
      context({ settings }),
    )) as RouteChangesResult;
    expect(result.changed).toBe(true);
    expect(result.safety.map((decision) => [decision.check, decision.outcome])).toEqual([
      ['namespace', 'allowed'],
      ['opt-in', 'allowed'],
    ]);
  });
});

describe('dry_run setting', () => {
  it('acts like --dry: reads only', async () => {
    cluster = await startIstioTestCluster([vsIn('shop')]);
    const { fake, context, run } = cluster;
    const ctx = context({ settings: { kubernetes: { dry_run: true } } });
    const result = (await run(
      addDelayFault,
      { virtual_service_name: 'api-vs', fixed_delay: '1s', ns: 'shop' },
      ctx,
    )) as RouteChangesResult;
    expect(result).toMatchObject({ dryRun: true, changed: false });
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(ctx.reverts).toEqual([]);
  });
});

describe('Kubernetes Events', () => {
  it('record the injection on the VirtualService with the run id, and the revert as FaultReverted', async () => {
    cluster = await startIstioTestCluster([vsIn('shop')]);
    const { fake, context, run, revertAll } = cluster;
    const ctx = context({ runId: 'run-42' });
    await run(addDelayFault, { virtual_service_name: 'api-vs', fixed_delay: '2s', percentage: 25, ns: 'shop' }, ctx);
    await revertAll(ctx, restoreVirtualServiceFaults);
    const events = fake.requestsMatching('POST', '/api/v1/namespaces/shop/events');
    expect(events.map((request) => request.status)).toEqual([201, 201]);
    const injected = events[0]!.body as {
      reason: string;
      message: string;
      involvedObject: { kind: string; name: string };
      metadata: { labels: Record<string, string> };
    };
    expect(injected).toMatchObject({
      reason: 'FaultInjected',
      involvedObject: { kind: 'VirtualService', name: 'api-vs' },
      metadata: { labels: { 'faultline.io/run-id': 'run-42' } },
    });
    expect(injected.message).toMatch(/delay 2s for 25%.*run-42/);
    expect(events[1]!.body).toMatchObject({
      reason: 'FaultReverted',
      type: 'Normal',
      action: 'restore_virtual_service_faults',
      involvedObject: { kind: 'VirtualService', name: 'api-vs' },
    });
    expect((events[1]!.body as { message: string }).message).toMatch(/no fault/);
  });

  it('are not sent with emit_events off, and a refused Event does not fail the fault', async () => {
    cluster = await startIstioTestCluster([vsIn('shop')]);
    const { fake, context, run, virtualService } = cluster;
    await run(
      addDelayFault,
      { virtual_service_name: 'api-vs', fixed_delay: '2s', ns: 'shop' },
      context({ settings: { kubernetes: { emit_events: false } } }),
    );
    expect(fake.requestsMatching('POST', /events/)).toEqual([]);

    fake.injectFailure({
      method: 'POST',
      path: '/events',
      status: 403,
      reason: 'Forbidden',
      message: 'events are forbidden',
    });
    const ctx = context();
    await run(addAbortFault, { virtual_service_name: 'api-vs', http_status: 503, ns: 'shop' }, ctx);
    expect(fault(virtualService('shop', 'api-vs'))).toEqual({
      delay: { fixedDelay: '2s', percentage: { value: 100 } },
      abort: { httpStatus: 503, percentage: { value: 100 } },
    });
    expect(ctx.logs.some((line) => line.level === 'warn' && /Kubernetes event/i.test(line.message))).toBe(true);
  });
});
