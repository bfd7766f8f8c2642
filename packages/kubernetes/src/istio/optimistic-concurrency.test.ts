import { afterEach, describe, expect, it } from 'vitest';
import { ActivityFailedError } from '@faultline/core';
import { fakeObjects, type KubeObject } from '../testing/index.js';
import { startIstioTestCluster, type IstioTestCluster } from './__fixtures__/istio-test-cluster.js';
import { addDelayFault } from './add-delay-fault.js';
import { restoreVirtualServiceFaults } from './restore-virtual-service-faults.js';
import type { RouteChangesResult } from './apply-route-changes.js';

const vsPath = /\/virtualservices\/orders-vs$/;
const ref = 'networking.istio.io/virtualservices';
let cluster: IstioTestCluster | undefined;
afterEach(async () => {
  await cluster?.fake.close();
  cluster = undefined;
});

const ordersVs = () =>
  fakeObjects.virtualService('orders-vs', {
    hosts: ['orders'],
    http: [
      { name: 'canary', route: [{ destination: { host: 'orders', subset: 'v2' } }] },
      { name: 'stable', route: [{ destination: { host: 'orders', subset: 'v1' } }] },
    ],
  });
const http = (object: KubeObject) => (object['spec'] as { http: Array<Record<string, unknown>> }).http;

describe('409 Conflict', () => {
  it('re-reads, keeps the concurrent change, and records the fault the concurrent writer set as the one to restore', async () => {
    cluster = await startIstioTestCluster([ordersVs()]);
    const { fake, context, run, virtualService, revertAll } = cluster;
    let writes = 0;
    // Another writer (a GitOps sync) updates the object between our read and our first write.
    fake.onRequest = (request) => {
      if (request.method !== 'PUT' || !vsPath.test(request.path) || writes++ > 0) return;
      fake.store.update(ref, 'default', 'orders-vs', (object) => {
        http(object)[1]!['fault'] = { abort: { httpStatus: 500, percentage: { value: 1 } } };
        http(object).push({ name: 'mirror', route: [{ destination: { host: 'orders-shadow' } }] });
      });
    };
    const ctx = context();
    const result = (await run(
      addDelayFault,
      { virtual_service_name: 'orders-vs', fixed_delay: '3s', routes: [{ destination: { host: 'orders' } }] },
      ctx,
    )) as RouteChangesResult;

    expect(fake.requestsMatching('PUT', vsPath).map((request) => request.status)).toEqual([409, 200]);
    expect(result.attempts).toBe(2);
    const after = http(virtualService('default', 'orders-vs'));
    expect(after.map((route) => route['name'])).toEqual(['canary', 'stable', 'mirror']);
    expect(after.map((route) => route['fault'])).toEqual([
      { delay: { fixedDelay: '3s', percentage: { value: 100 } } },
      { abort: { httpStatus: 500, percentage: { value: 1 } }, delay: { fixedDelay: '3s', percentage: { value: 100 } } },
      undefined,
    ]);
    expect(ctx.logs.some((line) => line.level === 'warn' && /409 Conflict/.test(line.message))).toBe(true);

    // One revert, updated with what was there when the write succeeded.
    expect(ctx.reverts).toHaveLength(1);
    await revertAll(ctx, restoreVirtualServiceFaults);
    expect(http(virtualService('default', 'orders-vs')).map((route) => route['fault'])).toEqual([
      undefined,
      { abort: { httpStatus: 500, percentage: { value: 1 } } },
      undefined,
    ]);
  });

  it('gives up after a bounded number of writes, says why, and leaves nothing to revert', async () => {
    cluster = await startIstioTestCluster([ordersVs()]);
    const { fake, context, run, virtualService } = cluster;
    let bumps = 0;
    fake.onRequest = (request) => {
      if (request.method !== 'PUT' || !vsPath.test(request.path)) return;
      fake.store.update(ref, 'default', 'orders-vs', (object) => {
        (object.metadata!.labels ??= {})['bumped'] = String(++bumps);
      });
    };
    const ctx = context();
    const failure = run(addDelayFault, { virtual_service_name: 'orders-vs', fixed_delay: '3s' }, ctx);
    await expect(failure).rejects.toThrow(ActivityFailedError);
    await expect(failure).rejects.toMatchObject({ code: 'E_ISTIO_CONFLICT' });
    await expect(failure).rejects.toThrow(/after 5 attempts/);
    expect(fake.requestsMatching('PUT', vsPath).map((request) => request.status)).toEqual([409, 409, 409, 409, 409]);
    expect(http(virtualService('default', 'orders-vs')).every((route) => route['fault'] === undefined)).toBe(true);
    expect(ctx.reverts.map((revert) => revert.done)).toEqual([true]);
  });

  it('the revert itself retries on conflict', async () => {
    cluster = await startIstioTestCluster([ordersVs()]);
    const { fake, context, run, virtualService, revertAll } = cluster;
    const ctx = context();
    await run(
      addDelayFault,
      {
        virtual_service_name: 'orders-vs',
        fixed_delay: '3s',
        routes: [{ destination: { host: 'orders', subset: 'v2' } }],
      },
      ctx,
    );
    let once = true;
    fake.onRequest = (request) => {
      if (request.method !== 'PUT' || !vsPath.test(request.path) || !once) return;
      once = false;
      fake.store.update(ref, 'default', 'orders-vs', (object) => {
        (object.metadata!.annotations ??= {})['synced'] = 'yes';
      });
    };
    await revertAll(ctx, restoreVirtualServiceFaults);
    const now = virtualService('default', 'orders-vs');
    expect(now.metadata?.annotations?.['synced']).toBe('yes');
    expect(http(now).every((route) => route['fault'] === undefined)).toBe(true);
    expect(fake.requestsMatching('PUT', vsPath).map((request) => request.status)).toEqual([200, 409, 200]);
  });
});
