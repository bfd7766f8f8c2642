import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { applyFromJson } from './apply-from-json.js';
import { applyFromYaml } from './apply-from-yaml.js';
import { createClusterCustomObject } from './create-cluster-custom-object.js';
import { createCustomObject } from './create-custom-object.js';
import { deleteClusterCustomObject } from './delete-cluster-custom-object.js';
import { deleteCustomObject } from './delete-custom-object.js';
import { getClusterCustomObject } from './get-cluster-custom-object.js';
import { listClusterCustomObjects } from './list-cluster-custom-objects.js';
import { patchClusterCustomObject } from './patch-cluster-custom-object.js';
import { replaceClusterCustomObject } from './replace-cluster-custom-object.js';
import { replaceCustomObject } from './replace-custom-object.js';

const { server, context } = await kubeTestCluster({
  reconcile: false,
  objects: [fakeObjects.namespace('shop')],
  resources: [
    {
      group: 'example.com',
      versions: ['v1'],
      plural: 'quotas',
      singular: 'quota',
      kind: 'Quota',
      namespaced: false,
      custom: true,
    },
  ],
});
afterAll(() => server.close());
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-crd-'));
const vs = (name: string, timeout = '5s') => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name },
  spec: { hosts: ['orders'], http: [{ timeout, route: [{ destination: { host: 'orders' } }] }] },
});
writeFileSync(join(experimentDir, 'vs.yaml'), JSON.stringify(vs('from-file')));
const vsRef = { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices', ns: 'shop' };
const storedVs = (name: string) => server.store.get('networking.istio.io/virtualservices', 'shop', name);
const quota = { apiVersion: 'example.com/v1', kind: 'Quota', metadata: { name: 'cpu' }, spec: { limit: 4 } };
const quotaRef = { group: 'example.com', version: 'v1', plural: 'quotas' };
const storedQuota = () => server.store.get('example.com/quotas', undefined, 'cpu');

describe('custom objects (chaosk8s.crd)', () => {
  it('create_custom_object (inline or YAML file) is reverted by deleting; an existing one is returned, never deleted', async () => {
    const ctx = context({ experimentDir });
    await createCustomObject.run(createCustomObject.arguments.parse({ ...vsRef, resource: vs('inline') }), ctx);
    await createCustomObject.run(
      createCustomObject.arguments.parse({ ...vsRef, resource_as_yaml_file: 'vs.yaml' }),
      ctx,
    );
    expect(storedVs('inline')).toBeDefined();
    expect(storedVs('from-file')).toBeDefined();
    const again = context();
    expect(
      await createCustomObject.run(
        createCustomObject.arguments.parse({ ...vsRef, resource: vs('inline', '9s') }),
        again,
      ),
    ).toMatchObject({ spec: { http: [{ timeout: '5s' }] } });
    expect(again.reverts.every((revert) => revert.done)).toBe(true);
    await replayReverts(ctx, context());
    expect(storedVs('inline')).toBeUndefined();
    expect(storedVs('from-file')).toBeUndefined();
    await expect(createCustomObject.run(createCustomObject.arguments.parse(vsRef), context())).rejects.toThrow(
      /either `resource` or `resource_as_yaml_file` must be set/,
    );
  });

  it('replace_custom_object and delete_custom_object are reverted to the object as it was', async () => {
    await createCustomObject.run(createCustomObject.arguments.parse({ ...vsRef, resource: vs('orders') }), context());
    const replaced = context();
    await replaceCustomObject.run(
      replaceCustomObject.arguments.parse({ ...vsRef, name: 'orders', resource: vs('orders', '1ms') }),
      replaced,
    );
    expect((storedVs('orders')!['spec'] as { http: Array<{ timeout: string }> }).http[0]!.timeout).toBe('1ms');
    await replayReverts(replaced, context());
    expect((storedVs('orders')!['spec'] as { http: Array<{ timeout: string }> }).http[0]!.timeout).toBe('5s');
    const deleted = context();
    await deleteCustomObject.run(deleteCustomObject.arguments.parse({ ...vsRef, name: 'orders' }), deleted);
    expect(storedVs('orders')).toBeUndefined();
    await replayReverts(deleted, context());
    expect(storedVs('orders')).toBeDefined();
    await expect(
      deleteCustomObject.run(deleteCustomObject.arguments.parse({ ...vsRef, name: 'ghost' }), context()),
    ).rejects.toThrow(/404/);
  });

  it('cluster-scoped: create, get, list, JSON-patch, replace and delete, each reverted', async () => {
    const created = context();
    await createClusterCustomObject.run(
      createClusterCustomObject.arguments.parse({ ...quotaRef, resource: quota }),
      created,
    );
    expect(
      await getClusterCustomObject.run(getClusterCustomObject.arguments.parse({ ...quotaRef, name: 'cpu' }), context()),
    ).toMatchObject({ spec: { limit: 4 } });
    expect(
      await listClusterCustomObjects.run(listClusterCustomObjects.arguments.parse(quotaRef), context()),
    ).toMatchObject({ items: [{ metadata: { name: 'cpu' } }] });
    const patched = context();
    await patchClusterCustomObject.run(
      patchClusterCustomObject.arguments.parse({
        ...quotaRef,
        name: 'cpu',
        resource: [{ op: 'replace', path: '/spec/limit', value: 1 }],
      }),
      patched,
    );
    expect(server.requestsMatching('PATCH', '/quotas/cpu').at(-1)?.contentType).toBe('application/json-patch+json');
    expect(storedQuota()?.['spec']).toEqual({ limit: 1 });
    await replayReverts(patched, context());
    expect(storedQuota()?.['spec']).toEqual({ limit: 4 });
    const replaced = context();
    await replaceClusterCustomObject.run(
      replaceClusterCustomObject.arguments.parse({
        ...quotaRef,
        name: 'cpu',
        resource: { ...quota, spec: { limit: 0 } },
      }),
      replaced,
    );
    expect(storedQuota()?.['spec']).toEqual({ limit: 0 });
    await replayReverts(replaced, context());
    expect(storedQuota()?.['spec']).toEqual({ limit: 4 });
    const deleted = context();
    await deleteClusterCustomObject.run(
      deleteClusterCustomObject.arguments.parse({ ...quotaRef, name: 'cpu' }),
      deleted,
    );
    expect(storedQuota()).toBeUndefined();
    await replayReverts(deleted, context());
    expect(storedQuota()?.['spec']).toEqual({ limit: 4 });
    await replayReverts(created, context());
    expect(storedQuota()).toBeUndefined();
  });

  it('apply_from_json and apply_from_yaml create the object in its own namespace; bad documents are usage errors', async () => {
    const ctx = context();
    await applyFromJson.run(
      applyFromJson.arguments.parse({
        resource: JSON.stringify({ ...vs('json'), metadata: { name: 'json', namespace: 'shop' } }),
      }),
      ctx,
    );
    await applyFromYaml.run(
      applyFromYaml.arguments.parse({
        resource:
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  namespace: shop\ndata:\n  chaos: "on"\n',
      }),
      ctx,
    );
    expect(storedVs('json')).toBeDefined();
    expect(server.store.get('configmaps', 'shop', 'flags')?.['data']).toEqual({ chaos: 'on' });
    await replayReverts(ctx, context());
    expect(storedVs('json')).toBeUndefined();
    expect(server.store.get('configmaps', 'shop', 'flags')).toBeUndefined();
    await expect(
      applyFromJson.run(applyFromJson.arguments.parse({ resource: '{"kind":"X"}' }), context()),
    ).rejects.toThrow(/missing apiVersion/);
    await expect(applyFromJson.run(applyFromJson.arguments.parse({ resource: '{' }), context())).rejects.toThrow(
      /not JSON/,
    );
  });
});

describe('the reverts a journal may replay', () => {
  it('create again only custom resources and the kinds the delete activities save, outside denied namespaces', async () => {
    const { recreateObjects } = await import('../objects/recreate-objects.js');
    const { restoreObject } = await import('../objects/restore-object.js');
    const { deleteObject } = await import('../objects/delete-object.js');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'evil', namespace: 'shop' }, spec: {} };
    expect(recreateObjects.arguments.safeParse({ objects: [pod] }).success).toBe(false);
    expect(
      restoreObject.arguments.safeParse({ object: { ...pod, apiVersion: 'apps/v1', kind: 'Deployment' } }).success,
    ).toBe(false);
    expect(recreateObjects.arguments.safeParse({ objects: [quota] }).success).toBe(true);
    await expect(
      recreateObjects.run(
        recreateObjects.arguments.parse({
          objects: [{ ...vs('x'), metadata: { name: 'x', namespace: 'kube-system' } }],
        }),
        context(),
      ),
    ).rejects.toThrow(/refused by the namespace guard/);
    await expect(
      deleteObject.run(
        deleteObject.arguments.parse({ apiVersion: 'v1', kind: 'Namespace', name: 'kube-system' }),
        context(),
      ),
    ).rejects.toThrow(/refused by the namespace guard/);
  });
});
