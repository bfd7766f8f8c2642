import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { createNamespace } from './create-namespace.js';
import { deleteNamespace } from './delete-namespace.js';

const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-ns-'));
writeFileSync(
  join(experimentDir, 'ns.json'),
  JSON.stringify({ metadata: { name: 'from-spec', labels: { team: 'a' } } }),
);

describe('namespaces (chaosk8s.namespace)', () => {
  it('create_namespace by name or spec_path, reverted by deleting it; neither is a usage error', async () => {
    const ctx = context({ experimentDir });
    await createNamespace.run(createNamespace.arguments.parse({ name: 'scratch' }), ctx);
    await createNamespace.run(createNamespace.arguments.parse({ spec_path: 'ns.json' }), ctx);
    expect(server.store.get('namespaces', undefined, 'from-spec')?.metadata?.labels).toEqual({ team: 'a' });
    await replayReverts(ctx, context());
    expect(server.store.get('namespaces', undefined, 'scratch')).toBeUndefined();
    expect(server.store.get('namespaces', undefined, 'from-spec')).toBeUndefined();
    await expect(createNamespace.run(createNamespace.arguments.parse({}), context())).rejects.toThrow(
      /either specify name or spec_path/,
    );
  });

  it('delete_namespace is refused for a denied namespace, deletes otherwise, with nothing to revert', async () => {
    await createNamespace.run(createNamespace.arguments.parse({ name: 'doomed' }), context());
    await expect(
      deleteNamespace.run(
        deleteNamespace.arguments.parse({ name: 'doomed' }),
        context({ kubernetes: { denied_namespaces: ['doomed'] } }),
      ),
    ).rejects.toThrow(/refused by the namespace guard/);
    const ctx = context();
    await deleteNamespace.run(deleteNamespace.arguments.parse({ name: 'doomed' }), ctx);
    expect(ctx.reverts).toEqual([]);
    expect(server.store.get('namespaces', undefined, 'doomed')).toBeUndefined();
  });
});
