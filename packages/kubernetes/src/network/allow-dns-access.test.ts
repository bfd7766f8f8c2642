import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { replayReverts } from '../__fixtures__/replay-reverts.js';
import { fakeObjects } from '../testing/index.js';
import { allowDnsAccess } from './allow-dns-access.js';
import { removeAllowDnsAccess } from './remove-allow-dns-access.js';

const { server, context } = await kubeTestCluster({ reconcile: false, objects: [fakeObjects.namespace('shop')] });
afterAll(() => server.close());
const policy = () => server.store.get('networking.k8s.io/networkpolicies', 'shop', 'chaostoolkit-allow-dns');

describe('allow_dns_access / remove_allow_dns_access', () => {
  it('creates chaosk8s-named egress policy to port 53, reverted (or removed) by remove_allow_dns_access', async () => {
    const ctx = context();
    await allowDnsAccess.run(allowDnsAccess.arguments.parse({ ns: 'shop', label_selectors: { app: 'orders' } }), ctx);
    expect(policy()?.['spec']).toMatchObject({
      podSelector: { matchLabels: { app: 'orders' } },
      policyTypes: ['Egress'],
      egress: [
        {
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    });
    expect(ctx.reverts[0]).toMatchObject({ func: 'remove_allow_dns_access', arguments: { ns: 'shop' } });
    await replayReverts(ctx, context());
    expect(policy()).toBeUndefined();
    await allowDnsAccess.run(allowDnsAccess.arguments.parse({ ns: 'shop' }), context());
    expect(
      await removeAllowDnsAccess.run(removeAllowDnsAccess.arguments.parse({ ns: 'shop' }), context()),
    ).toMatchObject({
      removed: true,
    });
    expect(policy()).toBeUndefined();
  });
});
