import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { createDaemonSet } from './create-daemon-set.js';
import { deleteDaemonSet } from './delete-daemon-set.js';
import { updateDaemonSet } from './update-daemon-set.js';
import { daemonSetAvailableAndHealthy } from './daemon-set-available-and-healthy.js';
import { daemonSetPartiallyAvailable } from './daemon-set-partially-available.js';
import { daemonSetFullyAvailable } from './daemon-set-fully-available.js';
import { daemonSetNotFullyAvailable } from './daemon-set-not-fully-available.js';

const { server, context, startEachWithout } = await kubeTestCluster({
  reconcile: false,
  objects: [fakeObjects.namespace('ops')],
});
afterAll(() => server.close());
const dir = mkdtempSync(join(tmpdir(), 'faultline-ds-'));
const experimentDir = dir;
const daemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'log-agent', labels: { app: 'log-agent' } },
  spec: {
    selector: { matchLabels: { app: 'log-agent' } },
    template: {
      metadata: { labels: { app: 'log-agent' } },
      spec: { containers: [{ name: 'agent', image: 'agent:1' }] },
    },
  },
};
writeFileSync(join(dir, 'ds.yaml'), JSON.stringify(daemonSet));
writeFileSync(join(dir, 'ds.txt'), 'x');
const stored = () => server.store.get('apps/daemonsets', 'ops', 'log-agent');
const putDaemonSet = () => server.store.put({ ...daemonSet, metadata: { ...daemonSet.metadata, namespace: 'ops' } });
startEachWithout(['apps/daemonsets', 'ops', 'log-agent']);
const setStatus = (numberReady: number, desiredNumberScheduled: number) =>
  server.store.update('apps/daemonsets', 'ops', 'log-agent', (object) => ({
    ...object,
    status: { numberReady, desiredNumberScheduled },
  }));

describe('daemon sets (chaosk8s.daemonset)', () => {
  it('create_daemon_set registers its deletion before creating; the revert deletes it', async () => {
    const ctx = context({ experimentDir });
    let revertsAtCreate = -1;
    server.onRequest = (request) => {
      if (request.method === 'POST' && request.path.includes('/daemonsets')) revertsAtCreate = ctx.reverts.length;
    };
    await createDaemonSet.run(createDaemonSet.arguments.parse({ spec_path: 'ds.yaml', ns: 'ops' }), ctx);
    server.onRequest = undefined;
    expect(revertsAtCreate).toBe(1);
    expect(stored()?.metadata?.namespace).toBe('ops');
    expect(ctx.reverts[0]).toMatchObject({
      func: 'delete_object',
      arguments: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-agent', namespace: 'ops' },
    });
    // A second create meets the existing object: it fails and withdraws its revert.
    const again = context({ experimentDir });
    await expect(
      createDaemonSet.run(createDaemonSet.arguments.parse({ spec_path: 'ds.yaml', ns: 'ops' }), again),
    ).rejects.toThrow(/409/);
    expect(again.reverts[0]!.done).toBe(true);
    await replayReverts(ctx, context());
    expect(stored()).toBeUndefined();
    await expect(
      createDaemonSet.run(
        createDaemonSet.arguments.parse({ spec_path: 'ds.txt', ns: 'ops' }),
        context({ experimentDir }),
      ),
    ).rejects.toThrow(/cannot process ds.txt/);
  });

  it('probes read numberReady against desiredNumberScheduled; the waits poll until the timeout', async () => {
    putDaemonSet();
    setStatus(1, 3);
    const args = { name: 'log-agent', ns: 'ops' };
    const ctx = context();
    expect(await daemonSetAvailableAndHealthy.run(daemonSetAvailableAndHealthy.arguments.parse(args), ctx)).toBe(false);
    expect(await daemonSetPartiallyAvailable.run(daemonSetPartiallyAvailable.arguments.parse(args), ctx)).toBe(true);
    expect(
      await daemonSetNotFullyAvailable.run(daemonSetNotFullyAvailable.arguments.parse({ ...args, timeout: 1 }), ctx),
    ).toBe(true);
    expect(
      await daemonSetFullyAvailable.run(daemonSetFullyAvailable.arguments.parse({ ...args, timeout: 0.5 }), ctx),
    ).toBe(false);
    setTimeout(() => setStatus(3, 3), 300);
    expect(
      await daemonSetFullyAvailable.run(daemonSetFullyAvailable.arguments.parse({ ...args, timeout: 20 }), ctx),
    ).toBe(true);
    expect(await daemonSetAvailableAndHealthy.run(daemonSetAvailableAndHealthy.arguments.parse(args), ctx)).toBe(true);
    expect(
      await daemonSetAvailableAndHealthy.run(
        daemonSetAvailableAndHealthy.arguments.parse({ name: 'nope', ns: 'ops' }),
        ctx,
      ),
    ).toBe(false);
  });

  it('update_daemon_set patches and is reverted to the object as it was', async () => {
    putDaemonSet();
    const ctx = context();
    await updateDaemonSet.run(
      updateDaemonSet.arguments.parse({
        name: 'log-agent',
        ns: 'ops',
        spec: { metadata: { labels: { chaos: 'yes' } }, spec: { minReadySeconds: 30 } },
      }),
      ctx,
    );
    expect(stored()?.metadata?.labels).toMatchObject({ chaos: 'yes' });
    expect((stored()?.['spec'] as { minReadySeconds?: number }).minReadySeconds).toBe(30);
    expect(ctx.reverts[0]).toMatchObject({ func: 'restore_object' });
    await replayReverts(ctx, context());
    expect(stored()?.metadata?.labels).toEqual({ app: 'log-agent' });
    expect((stored()?.['spec'] as { minReadySeconds?: number }).minReadySeconds).toBeUndefined();
  });

  it('delete_daemon_set lists the targets under --dry, deletes for real, and the revert creates it again', async () => {
    putDaemonSet();
    const dry = context({ dryRun: true });
    expect(
      await deleteDaemonSet.run(deleteDaemonSet.arguments.parse({ label_selector: 'app=log-agent', ns: 'ops' }), dry),
    ).toMatchObject({ dryRun: true, deleted: ['log-agent'] });
    expect(dry.reverts).toEqual([]);
    expect(stored()).toBeDefined();
    const ctx = context();
    await deleteDaemonSet.run(deleteDaemonSet.arguments.parse({ name: 'log-agent', ns: 'ops' }), ctx);
    expect(stored()).toBeUndefined();
    await replayReverts(ctx, context());
    expect(stored()?.metadata?.labels).toEqual({ app: 'log-agent' });
  });

  it('the namespace guard refuses before anything is read or changed', async () => {
    const before = server.requests.length;
    await expect(
      deleteDaemonSet.run(
        deleteDaemonSet.arguments.parse({ name: 'log-agent', ns: 'ops' }),
        context({ kubernetes: { denied_namespaces: ['ops'] } }),
      ),
    ).rejects.toThrow(/refused by the namespace guard/);
    expect(server.requests.length).toBe(before);
  });
});
