import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { createSecret } from './create-secret.js';
import { deleteSecret } from './delete-secret.js';
import { secretExists } from './secret-exists.js';

const { server, context } = await kubeTestCluster({ reconcile: false, objects: [fakeObjects.namespace('shop')] });
afterAll(() => server.close());
const experimentDir = mkdtempSync(join(tmpdir(), 'faultline-secret-'));
writeFileSync(
  join(experimentDir, 'secret.yml'),
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  labels: {app: orders}\nstringData:\n  password: hunter2\n',
);

describe('secrets (chaosk8s.secret)', () => {
  it('create_secret creates from YAML; secret_exists answers by name or label; the revert deletes it', async () => {
    const ctx = context({ experimentDir });
    const created = await createSecret.run(createSecret.arguments.parse({ spec_path: 'secret.yml', ns: 'shop' }), ctx);
    expect(created).toMatchObject({ metadata: { name: 'db' } });
    expect(JSON.stringify(created)).not.toMatch(/hunter2|aHVudGVyMg/);
    const probe = (args: Record<string, unknown>) =>
      secretExists.run(secretExists.arguments.parse({ ns: 'shop', ...args }), context());
    expect(await probe({ name: 'db' })).toBe(true);
    expect(await probe({ label_selector: 'app=orders' })).toBe(true);
    expect(await probe({ name: 'other' })).toBe(false);
    await replayReverts(ctx, context());
    expect(await probe({ name: 'db' })).toBe(false);
  });

  it('delete_secret registers no revert (the data would reach the journal) and returns no data', async () => {
    await createSecret.run(
      createSecret.arguments.parse({ spec_path: 'secret.yml', ns: 'shop' }),
      context({ experimentDir }),
    );
    const ctx = context();
    const result = await deleteSecret.run(deleteSecret.arguments.parse({ name: 'db', ns: 'shop' }), ctx);
    expect(ctx.reverts).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(server.store.get('secrets', 'shop', 'db')).toBeUndefined();
  });
});
