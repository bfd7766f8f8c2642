import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { denyAllIngress } from './deny-all-ingress.js';
import { denyAllEgress } from './deny-all-egress.js';
import { removeDenyAllIngress } from './remove-deny-all-ingress.js';
import { removeDenyAllEgress } from './remove-deny-all-egress.js';

const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());
server.store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });

describe('network partitions', () => {
  it('deny_all_ingress creates the chaosk8s policy for the selected pods; its revert removes it', async () => {
    const ctx = context();
    await denyAllIngress.run(denyAllIngress.arguments.parse({ label_selectors: { app: 'payments' }, ns: 'shop' }), ctx);
    const policy = server.store.get('networking.k8s.io/networkpolicies', 'shop', 'chaostoolkit-deny-all-ingress')!;
    expect(policy['spec']).toEqual({
      podSelector: { matchLabels: { app: 'payments' } },
      policyTypes: ['Ingress'],
      ingress: [],
    });
    expect(policy.metadata!.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'faultline',
      'faultline.io/run-id': 'run-1234',
    });
    expect(ctx.reverts).toEqual([
      expect.objectContaining({
        func: 'remove_deny_all_ingress',
        arguments: { ns: 'shop', _faultline_revert: true },
        done: false,
      }),
    ]);
    await removeDenyAllIngress.run(removeDenyAllIngress.arguments.parse(ctx.reverts[0]!.arguments), context());
    expect(
      server.store.get('networking.k8s.io/networkpolicies', 'shop', 'chaostoolkit-deny-all-ingress'),
    ).toBeUndefined();
    // The injection and its revert are both on record (FaultInjected, then FaultReverted).
    const reasons = server.store
      .list('events', { namespace: 'shop' })
      .items.filter((event) => (event['involvedObject'] as { name: string }).name === 'chaostoolkit-deny-all-ingress')
      .map((event) => `${String(event['reason'])}:${String(event['action'])}`)
      .sort();
    expect(reasons).toEqual(['FaultInjected:deny_all_ingress', 'FaultReverted:remove_deny_all_ingress']);
    expect(
      await removeDenyAllIngress.run(removeDenyAllIngress.arguments.parse({ ns: 'shop' }), context()),
    ).toMatchObject({ removed: false });
  });

  it('refuses to take over a policy that already exists (its revert is withdrawn)', async () => {
    const first = context();
    await denyAllEgress.run(denyAllEgress.arguments.parse({ ns: 'shop' }), first);
    expect(
      server.store.get('networking.k8s.io/networkpolicies', 'shop', 'chaostoolkit-deny-all-egress')!['spec'],
    ).toEqual({ podSelector: {}, policyTypes: ['Egress'], egress: [] });
    const second = context();
    await expect(denyAllEgress.run(denyAllEgress.arguments.parse({ ns: 'shop' }), second)).rejects.toThrow(
      /already exists/,
    );
    expect(second.reverts[0]!.done).toBe(true);
    await removeDenyAllEgress.run({ ns: 'shop' }, context());
  });

  it('is refused in kube-system', async () => {
    await expect(
      denyAllIngress.run(denyAllIngress.arguments.parse({ ns: 'kube-system' }), context()),
    ).rejects.toMatchObject({ code: 'E_K8S_SAFETY' });
    expect(server.requestsMatching('POST', '/namespaces/kube-system/networkpolicies')).toEqual([]);
  });
});
