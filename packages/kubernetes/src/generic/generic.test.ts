import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { getCustomObject } from './get-custom-object.js';
import { patchCustomObject } from './patch-custom-object.js';
import { restoreCustomObject } from './restore-custom-object.js';
import { listCustomObjects } from './list-custom-objects.js';
import { getEvents } from './get-events.js';
import { namespaceExists } from './namespace-exists.js';
import { terminatePods } from '../pods/terminate-pods.js';

const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());
server.store.put(fakeObjects.virtualService('orders-vs', { namespace: 'shop' }));

const vs = { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices', name: 'orders-vs', ns: 'shop' };

describe('generic activities', () => {
  it('get/list/patch a custom object, and restore its spec from the revert', async () => {
    const ctx = context();
    const before = (await getCustomObject.run(getCustomObject.arguments.parse(vs), ctx)) as { spec: unknown };
    expect(
      await listCustomObjects.run(
        listCustomObjects.arguments.parse({ group: vs.group, version: 'v1alpha3', plural: vs.plural, ns: 'shop' }),
        ctx,
      ),
    ).toMatchObject({ items: [{ metadata: { name: 'orders-vs' } }] });
    await patchCustomObject.run(
      patchCustomObject.arguments.parse({
        ...vs,
        resource: [{ op: 'add', path: '/spec/http/0/timeout', value: '1s' }],
      }),
      ctx,
    );
    expect(
      (
        server.store.get('networking.istio.io/virtualservices', 'shop', 'orders-vs')!['spec'] as {
          http: Array<{ timeout?: string }>;
        }
      ).http[0]!.timeout,
    ).toBe('1s');
    expect(server.requestsMatching('PATCH', '/virtualservices/orders-vs')[0]!.contentType).toBe(
      'application/json-patch+json',
    );
    const revert = ctx.reverts[0]!;
    expect(revert.func).toBe('restore_custom_object');
    await restoreCustomObject.run(restoreCustomObject.arguments.parse(revert.arguments), context());
    expect(server.store.get('networking.istio.io/virtualservices', 'shop', 'orders-vs')!['spec']).toEqual(before.spec);
  });

  it('the revert never fails on an absent spec and re-reads after a concurrent change (409)', async () => {
    const args = { group: vs.group, version: 'v1', plural: vs.plural, name: 'bare', ns: 'elsewhere' };
    server.store.put({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'bare', namespace: 'elsewhere' },
    });
    // No spec then, no spec now: nothing to do (a JSON Patch "remove /spec" would have failed).
    expect(
      await restoreCustomObject.run(restoreCustomObject.arguments.parse({ ...args, spec: null }), context()),
    ).toEqual({
      restored: false,
      reason: 'already as before',
    });
    server.store.update('networking.istio.io/virtualservices', 'elsewhere', 'bare', (draft) => {
      draft['spec'] = { hosts: ['injected'] };
    });
    // Someone writes between our read and our write: the write is refused (409), we read again.
    let raced = false;
    server.onRequest = (request) => {
      if (request.method === 'PATCH' && !raced) {
        raced = true;
        server.store.update('networking.istio.io/virtualservices', 'elsewhere', 'bare', (draft) => {
          draft.metadata!.labels = { touched: 'yes' };
        });
      }
    };
    try {
      await restoreCustomObject.run(restoreCustomObject.arguments.parse({ ...args, spec: null }), context());
    } finally {
      server.onRequest = undefined;
    }
    const patches = server.requestsMatching('PATCH', '/virtualservices/bare');
    expect(patches.map((request) => request.status)).toEqual([409, 200]);
    const stored = server.store.get('networking.istio.io/virtualservices', 'elsewhere', 'bare')!;
    expect(stored['spec']).toBeUndefined();
    expect(stored.metadata?.labels).toEqual({ touched: 'yes' });
  });

  it('get_events finds the FaultInjected events of a run; namespace_exists', async () => {
    server.store.put(fakeObjects.pod('victim', { namespace: 'shop', labels: { app: 'victim' } }));
    await terminatePods.run(terminatePods.arguments.parse({ label_selector: 'app=victim', ns: 'shop' }), context());
    const events = (await getEvents.run(
      getEvents.arguments.parse({
        label_selector: 'faultline.io/run-id=run-1234',
        field_selector: 'regarding.name=victim',
      }),
      context(),
    )) as {
      kind: string;
      items: Array<{ regarding: { name: string }; reason: string; note: string; reportingController: string }>;
    };
    expect(events.kind).toBe('EventList');
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      regarding: { name: 'victim', kind: 'Pod' },
      reason: 'FaultInjected',
      reportingController: 'faultline',
    });
    expect(events.items[0]!.note).toContain('run-1234');
    expect(server.requestsMatching('GET', '/apis/events.k8s.io/v1/events')[0]!.query).toMatchObject({
      limit: '100',
      fieldSelector: 'regarding.name=victim',
    });
    expect(await namespaceExists.run(namespaceExists.arguments.parse({ name: 'shop' }), context())).toBe(true);
    expect(await namespaceExists.run(namespaceExists.arguments.parse({ name: 'nope' }), context())).toBe(false);
  });
});
