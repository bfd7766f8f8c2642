import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { createIngress } from './create-ingress.js';
import { deleteIngress } from './delete-ingress.js';
import { ingressExists } from './ingress-exists.js';
import { updateIngress } from './update-ingress.js';

const { server, context, startEachWithout } = await kubeTestCluster({
  reconcile: false,
  objects: [fakeObjects.namespace('shop')],
});
afterAll(() => server.close());
startEachWithout(['networking.k8s.io/ingresses', 'shop', 'web']);
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-ing-'));
const rule = (service: string) => ({
  http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 80 } } } }] },
});
writeFileSync(
  join(experimentDir, 'ingress.yaml'),
  JSON.stringify({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web' },
    spec: { rules: [rule('web')] },
  }),
);
const exists = () => ingressExists.run(ingressExists.arguments.parse({ name: 'web', ns: 'shop' }), context());
const backend = () =>
  (
    server.store.get('networking.k8s.io/ingresses', 'shop', 'web')?.['spec'] as {
      rules: Array<ReturnType<typeof rule>>;
    }
  ).rules[0]!.http.paths[0]!.backend.service.name;

describe('ingresses (chaosk8s.networking)', () => {
  it('create, update (reverted to the previous rules), delete (reverted by creating it again)', async () => {
    const created = context({ experimentDir });
    await createIngress.run(createIngress.arguments.parse({ spec_path: 'ingress.yaml', ns: 'shop' }), created);
    expect(await exists()).toBe(true);
    const updated = context();
    await updateIngress.run(
      updateIngress.arguments.parse({ name: 'web', ns: 'shop', spec: { spec: { rules: [rule('maintenance')] } } }),
      updated,
    );
    expect(backend()).toBe('maintenance');
    await replayReverts(updated, context());
    expect(backend()).toBe('web');
    const deleted = context();
    await deleteIngress.run(deleteIngress.arguments.parse({ name: 'web', ns: 'shop' }), deleted);
    expect(await exists()).toBe(false);
    await replayReverts(deleted, context());
    expect(await exists()).toBe(true);
    await replayReverts(created, context());
    expect(await exists()).toBe(false);
  });

  it('update_ingress under --dry changes nothing and registers nothing', async () => {
    await createIngress.run(
      createIngress.arguments.parse({ spec_path: 'ingress.yaml', ns: 'shop' }),
      context({ experimentDir }),
    );
    const dry = context({ dryRun: true });
    expect(
      await updateIngress.run(
        updateIngress.arguments.parse({ name: 'web', ns: 'shop', spec: { spec: { rules: [rule('x')] } } }),
        dry,
      ),
    ).toMatchObject({ dryRun: true });
    expect(dry.reverts).toEqual([]);
    expect(backend()).toBe('web');
  });
});
