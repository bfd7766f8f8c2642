import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { createServiceEndpoint } from './create-service-endpoint.js';
import { deleteService } from './delete-service.js';
import { serviceIsInitialized } from './service-is-initialized.js';

const { server, context, startEachWithout } = await kubeTestCluster({
  reconcile: false,
  objects: [fakeObjects.namespace('shop')],
});
afterAll(() => server.close());
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-svc-'));
writeFileSync(
  join(experimentDir, 'svc.json'),
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'orders', labels: { app: 'orders' } },
    spec: { selector: { app: 'orders' }, ports: [{ port: 80, targetPort: 8080 }] },
  }),
);
const stored = () => server.store.get('services', 'shop', 'orders');
startEachWithout(['services', 'shop', 'orders']);

describe('services (chaosk8s.service)', () => {
  it('create_service_endpoint creates from a JSON spec; service_is_initialized sees it; the revert deletes it', async () => {
    const ctx = context({ experimentDir });
    await createServiceEndpoint.run(createServiceEndpoint.arguments.parse({ spec_path: 'svc.json', ns: 'shop' }), ctx);
    expect(stored()?.metadata?.labels).toEqual({ app: 'orders' });
    for (const args of [
      { name: 'orders' },
      { label_selector: 'app=orders' },
      { name: 'orders', label_selector: 'app=orders' },
    ])
      expect(await serviceIsInitialized.run(serviceIsInitialized.arguments.parse({ ...args, ns: 'shop' }), ctx)).toBe(
        true,
      );
    await replayReverts(ctx, context());
    expect(stored()).toBeUndefined();
    await expect(
      serviceIsInitialized.run(serviceIsInitialized.arguments.parse({ name: 'orders', ns: 'shop' }), context()),
    ).rejects.toThrow(/service 'orders' is not initialized/);
    expect(
      await serviceIsInitialized.run(
        serviceIsInitialized.arguments.parse({ name: 'orders', ns: 'shop', raise_if_service_not_initialized: false }),
        context(),
      ),
    ).toBe(false);
  });

  it('delete_service deletes the named service, fails on a missing one, and the revert creates it again', async () => {
    await createServiceEndpoint.run(
      createServiceEndpoint.arguments.parse({ spec_path: 'svc.json', ns: 'shop' }),
      context({ experimentDir }),
    );
    const ctx = context();
    expect(await deleteService.run(deleteService.arguments.parse({ name: 'orders', ns: 'shop' }), ctx)).toMatchObject({
      deleted: ['orders'],
    });
    expect(stored()).toBeUndefined();
    expect(ctx.reverts[0]).toMatchObject({ func: 'recreate_objects' });
    const saved = (ctx.reverts[0]!.arguments['objects'] as Array<{ metadata: Record<string, unknown> }>)[0]!;
    expect(saved.metadata['uid']).toBeUndefined();
    expect(saved.metadata['resourceVersion']).toBeUndefined();
    await replayReverts(ctx, context());
    expect(stored()?.metadata?.labels).toEqual({ app: 'orders' });
    await expect(
      deleteService.run(deleteService.arguments.parse({ name: 'nope', ns: 'shop' }), context()),
    ).rejects.toThrow(/no Service nope in shop/);
  });
});
