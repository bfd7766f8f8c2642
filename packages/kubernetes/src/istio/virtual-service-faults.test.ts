import { afterEach, describe, expect, it } from 'vitest';
import { ActivityFailedError, type ActivityDefinition } from '@faultline/core';
import { fakeObjects, type KubeObject } from '../testing/index.js';
import { startIstioTestCluster, type IstioTestCluster } from './__fixtures__/istio-test-cluster.js';
import { addAbortFault } from './add-abort-fault.js';
import { addDelayFault } from './add-delay-fault.js';
import { getVirtualService } from './get-virtual-service.js';
import { istioActivities } from './istio-activities.js';
import { removeAbortFault } from './remove-abort-fault.js';
import { removeDelayFault } from './remove-delay-fault.js';
import { restoreVirtualServiceFaults } from './restore-virtual-service-faults.js';
import { setFault } from './set-fault.js';
import { unsetFault } from './unset-fault.js';
import type { RouteChangesResult } from './apply-route-changes.js';

const vsPath = /\/virtualservices\//;
let cluster: IstioTestCluster | undefined;
afterEach(async () => {
  await cluster?.fake.close();
  cluster = undefined;
});

const start = async (...objects: KubeObject[]) => (cluster = await startIstioTestCluster(objects));
const spec = (object: KubeObject) => object['spec'] as { http: Array<Record<string, unknown>> };

const paymentVs = () =>
  fakeObjects.virtualService('payment-service-vs', {
    namespace: 'ecommerce',
    hosts: ['payment-service'],
    http: [{ route: [{ destination: { host: 'payment-service' } }] }],
  });

const bookinfoVs = () =>
  fakeObjects.virtualService('reviews-vs', {
    hosts: ['reviews'],
    http: [
      {
        name: 'v1',
        match: [{ headers: { 'end-user': { exact: 'jason' } } }],
        route: [{ destination: { host: 'reviews', subset: 'v1' } }],
      },
      { name: 'v2', route: [{ destination: { host: 'reviews.default.svc.cluster.local', subset: 'v2' } }] },
      { name: 'ratings', route: [{ destination: { host: 'ratings' } }] },
    ],
  });

describe("the seed's network failure experiment", () => {
  it('adds a delay, then an abort, then removing the delay keeps the abort; reverts restore the original object', async () => {
    const { fake, context, run, virtualService, revertAll } = await start(paymentVs());
    const original = structuredClone(spec(virtualService('ecommerce', 'payment-service-vs')));
    const ctx = context();

    await run(
      addDelayFault,
      { virtual_service_name: 'payment-service-vs', fixed_delay: '2s', percentage: 100, ns: 'ecommerce' },
      ctx,
    );
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]!['fault']).toEqual({
      delay: { fixedDelay: '2s', percentage: { value: 100 } },
    });

    await run(
      addAbortFault,
      { virtual_service_name: 'payment-service-vs', http_status: 503, percentage: 50, ns: 'ecommerce' },
      ctx,
    );
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]!['fault']).toEqual({
      delay: { fixedDelay: '2s', percentage: { value: 100 } },
      abort: { httpStatus: 503, percentage: { value: 50 } },
    });

    await run(removeDelayFault, { virtual_service_name: 'payment-service-vs', ns: 'ecommerce' }, ctx);
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]!['fault']).toEqual({
      abort: { httpStatus: 503, percentage: { value: 50 } },
    });

    // Every write was a PUT carrying the resourceVersion it read (optimistic concurrency).
    const puts = fake.requestsMatching('PUT', vsPath);
    expect(puts).toHaveLength(3);
    for (const put of puts) expect((put.body as KubeObject).metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(puts[0]!.path).toBe(
      '/apis/networking.istio.io/v1alpha3/namespaces/ecommerce/virtualservices/payment-service-vs',
    );

    expect(ctx.reverts.map((revert) => revert.func)).toEqual([
      'restore_virtual_service_faults',
      'restore_virtual_service_faults',
      'restore_virtual_service_faults',
    ]);
    await revertAll(ctx, restoreVirtualServiceFaults);
    expect(spec(virtualService('ecommerce', 'payment-service-vs'))).toEqual(original);
  });

  it('removing the abort keeps the delay', async () => {
    const { context, run, virtualService } = await start(paymentVs());
    const ctx = context();
    await run(
      addDelayFault,
      { virtual_service_name: 'payment-service-vs', fixed_delay: '500ms', ns: 'ecommerce' },
      ctx,
    );
    await run(
      addAbortFault,
      { virtual_service_name: 'payment-service-vs', http_status: 503, percentage: { value: 50 }, ns: 'ecommerce' },
      ctx,
    );
    await run(removeAbortFault, { virtual_service_name: 'payment-service-vs', ns: 'ecommerce' }, ctx);
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]!['fault']).toEqual({
      delay: { fixedDelay: '0.5s', percentage: { value: 100 } },
    }); // Istio faults nothing without a percentage
    await run(unsetFault, { virtual_service_name: 'payment-service-vs', ns: 'ecommerce' }, ctx);
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]).not.toHaveProperty('fault');
  });
});

describe('reverts', () => {
  it('put a pre-existing fault back exactly, legacy fields included', async () => {
    const previous = {
      delay: { fixedDelay: '1s', percent: 5 },
      abort: { httpStatus: 418, percentage: { value: 0.5 } },
    };
    const vs = bookinfoVs();
    spec(vs).http[1]!['fault'] = previous;
    const { context, run, virtualService, revertAll } = await start(vs);
    const ctx = context();

    await run(
      setFault,
      {
        virtual_service_name: 'reviews-vs',
        routes: [{ destination: { host: 'reviews' } }],
        fault: { abort: { httpStatus: 503, percentage: 100 } },
      },
      ctx,
    );
    expect(spec(virtualService('default', 'reviews-vs')).http.map((route) => route['fault'])).toEqual([
      { abort: { httpStatus: 503, percentage: { value: 100 } } },
      { abort: { httpStatus: 503, percentage: { value: 100 } } },
      undefined,
    ]);

    const [revert] = ctx.reverts;
    expect(revert!.arguments).toMatchObject({
      virtual_service_name: 'reviews-vs',
      ns: 'default',
      version: 'networking.istio.io/v1alpha3',
    });
    expect(
      (revert!.arguments['routes'] as Array<{ index: number; fault: unknown }>).map((route) => [
        route.index,
        route.fault,
      ]),
    ).toEqual([
      [0, null],
      [1, previous],
    ]);

    await revertAll(ctx, restoreVirtualServiceFaults);
    const after = spec(virtualService('default', 'reviews-vs')).http;
    expect(after[0]).not.toHaveProperty('fault');
    expect(after[1]!['fault']).toEqual(previous);
    expect(after[2]).not.toHaveProperty('fault');
  });

  it('find a route that moved by its name, match and destinations', async () => {
    const { context, run, virtualService, revertAll, fake } = await start(bookinfoVs());
    const ctx = context();
    await run(
      addDelayFault,
      { virtual_service_name: 'reviews-vs', fixed_delay: '3s', routes: [{ destination: { host: 'ratings' } }] },
      ctx,
    );
    // Someone inserts a route in front: the ratings route is now at index 3.
    fake.store.update('networking.istio.io/virtualservices', 'default', 'reviews-vs', (object) => {
      spec(object).http.unshift({ name: 'new', route: [{ destination: { host: 'details' } }] });
    });
    await revertAll(ctx, restoreVirtualServiceFaults);
    const http = spec(virtualService('default', 'reviews-vs')).http;
    expect(http.map((route) => route['name'])).toEqual(['new', 'v1', 'v2', 'ratings']);
    expect(http.every((route) => route['fault'] === undefined)).toBe(true);
  });

  it('are not registered, and nothing is written, when there is nothing to change', async () => {
    const { context, run, fake } = await start(bookinfoVs());
    const ctx = context();
    const result = (await run(removeDelayFault, { virtual_service_name: 'reviews-vs' }, ctx)) as RouteChangesResult;
    expect(result.changed).toBe(false);
    expect(ctx.reverts).toEqual([]);
    expect(fake.requestsMatching('PUT', vsPath)).toEqual([]);
  });
});

describe('route selection', () => {
  it('matches destination hosts by short name or FQDN, narrowed by subset', async () => {
    const { context, run, virtualService } = await start(bookinfoVs());
    const faults = () =>
      spec(virtualService('default', 'reviews-vs')).http.map((route) => route['fault'] !== undefined);

    await run(
      addAbortFault,
      {
        virtual_service_name: 'reviews-vs',
        http_status: 500,
        routes: [{ destination: { host: 'reviews.default.svc.cluster.local', subset: 'v1' } }],
      },
      context(),
    );
    expect(faults()).toEqual([true, false, false]);

    await run(
      addAbortFault,
      {
        virtual_service_name: 'reviews-vs',
        http_status: 500,
        routes: [{ destination: { host: 'reviews', subset: 'v2' } }],
      },
      context(),
    );
    expect(faults()).toEqual([true, true, false]);

    await run(unsetFault, { virtual_service_name: 'reviews-vs', routes: [{ host: 'reviews' }] }, context());
    expect(faults()).toEqual([false, false, false]);

    await run(
      addDelayFault,
      { virtual_service_name: 'reviews-vs', fixed_delay: 1, routes: [{ destination: { host: 'ratings.default' } }] },
      context(),
    );
    expect(faults()).toEqual([false, false, true]);
  });

  it('fails without writing when no route goes to the destination', async () => {
    const { context, run, fake } = await start(bookinfoVs());
    const ctx = context();
    await expect(
      run(
        addDelayFault,
        {
          virtual_service_name: 'reviews-vs',
          fixed_delay: '3s',
          routes: [{ destination: { host: 'reviews', subset: 'v3' } }],
        },
        ctx,
      ),
    ).rejects.toThrow(ActivityFailedError);
    expect(fake.requestsMatching('PUT', vsPath)).toEqual([]);
    expect(ctx.reverts).toEqual([]);
  });
});

describe('API versions', () => {
  it('uses networking.istio.io/v1 when asked', async () => {
    const { context, run, fake } = await start(paymentVs());
    const ctx = context();
    await run(
      addDelayFault,
      {
        virtual_service_name: 'payment-service-vs',
        fixed_delay: '2s',
        ns: 'ecommerce',
        version: 'networking.istio.io/v1',
      },
      ctx,
    );
    expect(
      fake.requests
        .filter((request) => vsPath.test(request.path))
        .map((request) => `${request.method} ${request.path}`),
    ).toEqual([
      'GET /apis/networking.istio.io/v1/namespaces/ecommerce/virtualservices/payment-service-vs',
      'PUT /apis/networking.istio.io/v1/namespaces/ecommerce/virtualservices/payment-service-vs',
    ]);
    expect(ctx.reverts[0]!.arguments['version']).toBe('networking.istio.io/v1');
  });

  it('falls back to v1 when the mesh does not serve v1alpha3, and reverts through v1', async () => {
    const { context, run, fake, virtualService, revertAll } = await start(paymentVs());
    fake.injectFailure({
      path: '/apis/networking.istio.io/v1alpha3/',
      status: 404,
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
      times: 1000,
    });
    const ctx = context();
    await run(addAbortFault, { virtual_service_name: 'payment-service-vs', http_status: 503, ns: 'ecommerce' }, ctx);
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]!['fault']).toEqual({
      abort: { httpStatus: 503, percentage: { value: 100 } },
    });
    expect(fake.requestsMatching('PUT', vsPath).map((request) => request.path)).toEqual([
      '/apis/networking.istio.io/v1/namespaces/ecommerce/virtualservices/payment-service-vs',
    ]);
    await revertAll(ctx, restoreVirtualServiceFaults);
    expect(spec(virtualService('ecommerce', 'payment-service-vs')).http[0]).not.toHaveProperty('fault');
  });

  it('reads the pinned version from configuration', async () => {
    const { context, run, fake } = await start(paymentVs());
    await run(
      removeDelayFault,
      { virtual_service_name: 'payment-service-vs', ns: 'ecommerce' },
      context({ configuration: { istio_api_version: 'v1beta1' } }),
    );
    expect(fake.requestsMatching('GET', vsPath).map((request) => request.path)).toEqual([
      '/apis/networking.istio.io/v1beta1/namespaces/ecommerce/virtualservices/payment-service-vs',
    ]);
  });

  it('says which versions it tried when the VirtualService does not exist', async () => {
    const { context, run } = await start(paymentVs());
    await expect(
      run(addDelayFault, { virtual_service_name: 'nope', fixed_delay: '1s', ns: 'ecommerce' }, context()),
    ).rejects.toThrow(/not found \(tried networking\.istio\.io\/v1alpha3, networking\.istio\.io\/v1\)/);
  });
});

describe('dry run', () => {
  it('reports the exact routes and faults without writing or registering anything', async () => {
    const { context, run, fake, virtualService } = await start(bookinfoVs());
    const before = structuredClone(virtualService('default', 'reviews-vs'));
    const ctx = context({ dryRun: true });
    const result = (await run(
      addDelayFault,
      {
        virtual_service_name: 'reviews-vs',
        fixed_delay: '3s',
        percentage: 50,
        routes: [{ destination: { host: 'reviews' } }],
      },
      ctx,
    )) as RouteChangesResult;
    expect(result).toMatchObject({ dryRun: true, changed: false, apiVersion: 'networking.istio.io/v1alpha3' });
    expect(result.routes.map((route) => [route.index, route.name, route.changed, route.after])).toEqual([
      [0, 'v1', true, { delay: { fixedDelay: '3s', percentage: { value: 50 } } }],
      [1, 'v2', true, { delay: { fixedDelay: '3s', percentage: { value: 50 } } }],
    ]);
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(ctx.reverts).toEqual([]);
    expect(virtualService('default', 'reviews-vs')).toEqual(before);
  });
});

describe('get_virtual_service', () => {
  it("answers chaosistio's {status, body, headers}, 404 included", async () => {
    const { context, run } = await start(paymentVs());
    const found = (await run(
      getVirtualService,
      { virtual_service_name: 'payment-service-vs', ns: 'ecommerce' },
      context(),
    )) as { status: number; body: KubeObject; headers: Record<string, string> };
    expect(found.status).toBe(200);
    expect(found.body.metadata?.name).toBe('payment-service-vs');
    expect(found.headers['content-type']).toMatch(/json/);
    const missing = (await run(getVirtualService, { virtual_service_name: 'nope', ns: 'ecommerce' }, context())) as {
      status: number;
      body: { kind: string };
    };
    expect(missing.status).toBe(404);
    expect(missing.body.kind).toBe('Status');
  });
});

describe('arguments', () => {
  const parse = (activity: ActivityDefinition, args: unknown) => activity.arguments.safeParse(args);

  it("accept the seed's arguments verbatim", () => {
    expect(
      parse(addDelayFault, { virtual_service_name: 'orders-vs', fixed_delay: '3s', percentage: 50, ns: 'default' })
        .success,
    ).toBe(true);
    expect(
      parse(addAbortFault, {
        virtual_service_name: 'payment-service-vs',
        http_status: 503,
        percentage: 50,
        ns: 'ecommerce',
      }).success,
    ).toBe(true);
  });

  it('refuse typos, out-of-range percentages, bad delays and statuses before anything runs', () => {
    expect(parse(addDelayFault, { virtual_service_name: 'vs', fixed_delay: '3s', percent: 50 }).success).toBe(false);
    expect(parse(addDelayFault, { virtual_service_name: 'vs', fixed_delay: '3s', percentage: 150 }).success).toBe(
      false,
    );
    expect(parse(addDelayFault, { virtual_service_name: 'vs', fixed_delay: 'soon' }).success).toBe(false);
    expect(parse(addDelayFault, { virtual_service_name: 'vs', fixed_delay: 0 }).success).toBe(false);
    expect(parse(addAbortFault, { virtual_service_name: 'vs', http_status: 99 }).success).toBe(false);
    expect(parse(addAbortFault, { virtual_service_name: 'vs' }).success).toBe(false);
    expect(parse(setFault, { virtual_service_name: 'vs', fault: {} }).success).toBe(false);
    expect(parse(unsetFault, { virtual_service_name: 'vs', version: 'networking.k8s.io/v1' }).success).toBe(false);
    expect(parse(unsetFault, { virtual_service_name: 'vs', version: 'v1' }).success).toBe(true);
  });

  it('every activity is listed once and the chaosistio ones name their Python module', () => {
    const names = istioActivities.map((activity) => activity.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'add_delay_fault',
      'add_abort_fault',
      'set_fault',
      'remove_delay_fault',
      'remove_abort_fault',
      'unset_fault',
    ]) {
      expect(istioActivities.find((activity) => activity.name === name)?.python).toContain('chaosistio.fault.actions');
    }
    expect(getVirtualService.python).toContain('chaosistio.fault.probes');
  });
});
