import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects, type FakeApiServer } from '../testing/index.js';
import type { TestContext } from '@faultline/core/testing';
import type { ActivityContext } from '@faultline/core';
import { terminatePods } from './terminate-pods.js';
import { podsInPhase } from './pods-in-phase.js';
import { podsNotInPhase } from './pods-not-in-phase.js';
import { countPods } from './count-pods.js';
import { countMinPods } from './count-min-pods.js';
import { podsInConditions } from './pods-in-conditions.js';
import { readPodLogs } from './read-pod-logs.js';

let server: FakeApiServer;
let context: (overrides?: Partial<ActivityContext> & { kubernetes?: Record<string, unknown> }) => TestContext;
const cluster = await kubeTestCluster({ reconcile: false });
server = cluster.server;
context = cluster.context;
afterAll(() => server.close());

const run = (args: Record<string, unknown>, ctx: TestContext = context()) =>
  terminatePods.run(terminatePods.arguments.parse(args), ctx) as Promise<{
    pods: string[];
    dryRun: boolean;
    matching: number;
    events?: number;
    safety: Array<{ check: string; outcome: string }>;
  }>;
const podNames = (ns: string) => server.store.list('pods', { namespace: ns }).items.map((pod) => pod.metadata!.name!);

function seed(): void {
  for (const name of podNames('shop')) server.store.delete('pods', 'shop', name);
  const created = [
    '2024-01-03T00:00:00Z',
    '2024-01-01T00:00:00Z',
    '2024-01-05T00:00:00Z',
    '2024-01-02T00:00:00Z',
    '2024-01-04T00:00:00Z',
  ];
  created.forEach((createdAt, i) =>
    server.store.put(fakeObjects.pod(`web-${i}`, { namespace: 'shop', labels: { app: 'web' }, createdAt })),
  );
  server.store.put(fakeObjects.pod('db-0', { namespace: 'shop', labels: { app: 'db' } }));
  server.requests.length = 0;
}

describe('terminate_pods', () => {
  beforeEach(seed);

  it('never picks a Terminating pod, nor counts it ready for min_ready', async () => {
    await run({ label_selector: 'app=web', ns: 'shop', qty: 3, grace_period: 30 });
    // web-0..2 Terminating: the next selection comes from web-3 and web-4 only…
    const next = await run({ label_selector: 'app=web', ns: 'shop', qty: 1, grace_period: 30 });
    expect(next).toMatchObject({ pods: ['web-3'], matching: 2, terminating: ['web-0', 'web-1', 'web-2'] });
    // …and min_ready counts only web-4 as ready (the Terminating ones still say Ready).
    await expect(
      run({ label_selector: 'app=web', ns: 'shop', qty: 1 }, context({ kubernetes: { min_ready: 1 } })),
    ).rejects.toThrow(/would keep 0 ready pod\(s\), below min_ready 1/);
  });

  it('deletes with a UID precondition: a pod recreated under the same name is not hit', async () => {
    const original = server.store.get('pods', 'shop', 'web-0')!;
    server.onRequest = (request) => {
      if (request.method === 'DELETE' && request.path.endsWith('/web-0')) {
        // A StatefulSet-like replacement lands between our list and our delete.
        server.store.delete('pods', 'shop', 'web-0');
        server.store.put(fakeObjects.pod('web-0', { namespace: 'shop', labels: { app: 'web' } }));
      }
    };
    try {
      const result = (await run({ label_selector: 'app=web', ns: 'shop', qty: 1 })) as {
        pods: string[];
        gone: string[];
      };
      expect(result).toMatchObject({ pods: [], gone: ['web-0'] });
    } finally {
      server.onRequest = undefined;
    }
    const replacement = server.store.get('pods', 'shop', 'web-0')!;
    expect(replacement.metadata?.uid).not.toBe(original.metadata?.uid);
    expect(replacement.metadata?.deletionTimestamp).toBeUndefined();
    const body = server.requestsMatching('DELETE', '/pods/web-0')[0]!.body as { preconditions: { uid: string } };
    expect(body.preconditions.uid).toBe(original.metadata?.uid);
  });

  it('deletes the first qty pods matching the label selector (alphabetic) in ns, with the grace period', async () => {
    const result = await run({ label_selector: 'app=web', ns: 'shop', qty: 2, grace_period: 5 });
    expect(result.pods).toEqual(['web-0', 'web-1']);
    // Like a real cluster, they stay Terminating (still Ready) for their grace period.
    const terminating = server.store
      .list('pods', { namespace: 'shop' })
      .items.filter((pod) => pod.metadata?.deletionTimestamp)
      .map((pod) => pod.metadata!.name);
    expect(terminating).toEqual(['web-0', 'web-1']);
    const deletes = server.requestsMatching('DELETE', '/api/v1/namespaces/shop/pods/');
    expect(deletes.map((request) => request.path)).toEqual([
      '/api/v1/namespaces/shop/pods/web-0',
      '/api/v1/namespaces/shop/pods/web-1',
    ]);
    expect(deletes[0]!.query['gracePeriodSeconds']).toBe('5');
    expect(server.requestsMatching('GET', '/api/v1/namespaces/shop/pods')[0]!.query['labelSelector']).toBe('app=web');
  });

  it('selects the oldest first with order: oldest, and by name pattern', async () => {
    expect((await run({ label_selector: 'app=web', ns: 'shop', qty: 2, order: 'oldest' })).pods).toEqual([
      'web-1',
      'web-3',
    ]);
    seed();
    expect((await run({ name_pattern: '^(web-[34]|db)', ns: 'shop', all: true })).pods).toEqual([
      'db-0',
      'web-3',
      'web-4',
    ]);
  });

  it('takes ceil(qty%) in percentage mode, caps qty at what exists, and all: true takes every pod', async () => {
    expect((await run({ label_selector: 'app=web', ns: 'shop', mode: 'percentage', qty: 30 })).pods).toHaveLength(2);
    seed();
    expect((await run({ label_selector: 'app=web', ns: 'shop', qty: 50 })).pods).toHaveLength(5);
    seed();
    expect((await run({ label_selector: 'app=web', ns: 'shop', all: true, qty: 1 })).pods).toHaveLength(5);
  });

  it('picks random pods with rand: true (the seed: rand, qty 1)', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 25; i += 1) {
      seed();
      const result = await run({ label_selector: 'app=web', ns: 'shop', rand: true, qty: 1 });
      expect(result.pods).toHaveLength(1);
      seen.add(result.pods[0]!);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('lists page by page with the configured page size', async () => {
    const result = await run(
      { label_selector: 'app=web', ns: 'shop', qty: 1 },
      context({ kubernetes: { page_size: 2 } }),
    );
    expect(result.matching).toBe(5);
    const lists = server.requestsMatching('GET', '/api/v1/namespaces/shop/pods');
    expect(lists.map((request) => request.query['limit'])).toEqual(['2', '2', '2']);
    expect(lists[1]!.query['continue']).toBeTruthy();
  });

  it('changes nothing in dry-run and reports the exact targets', async () => {
    const result = await run({ label_selector: 'app=web', ns: 'shop', qty: 2 }, context({ dryRun: true }));
    expect(result).toMatchObject({ dryRun: true, pods: ['web-0', 'web-1'] });
    expect(server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(podNames('shop')).toHaveLength(6);
  });

  it('records a FaultInjected event with the run id on each terminated pod', async () => {
    const result = await run({ label_selector: 'app=db', ns: 'shop' });
    expect(result.events).toBe(1);
    const events = server.store.list('events', { namespace: 'shop' }).items;
    const event = events.find((item) => (item['involvedObject'] as { name: string }).name === 'db-0')!;
    expect(event).toMatchObject({
      reason: 'FaultInjected',
      type: 'Warning',
      metadata: { labels: { 'faultline.io/run-id': 'run-1234' } },
    });
    expect(event['message']).toContain('run-1234');
  });

  it('refuses kube-system by default and namespaces outside allowed_namespaces, changing nothing', async () => {
    server.store.put(fakeObjects.pod('coredns-1', { namespace: 'kube-system', labels: { k8s: 'dns' } }));
    await expect(run({ label_selector: 'k8s=dns', ns: 'kube-system' })).rejects.toMatchObject({ code: 'E_K8S_SAFETY' });
    await expect(
      run({ label_selector: 'app=web', ns: 'shop' }, context({ kubernetes: { allowed_namespaces: ['staging'] } })),
    ).rejects.toThrow(/not in allowed_namespaces/);
    expect(server.store.get('pods', 'kube-system', 'coredns-1')).toBeDefined();
    expect(server.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
  });

  it('enforces max_pods, max_percentage and min_ready, and lets per-experiment configuration override settings', async () => {
    await expect(
      run({ label_selector: 'app=web', ns: 'shop', qty: 3 }, context({ kubernetes: { max_pods: 2 } })),
    ).rejects.toThrow(/max_pods is 2/);
    await expect(
      run({ label_selector: 'app=web', ns: 'shop', qty: 3 }, context({ kubernetes: { max_percentage: 50 } })),
    ).rejects.toThrow(/max_percentage is 50%/);
    await expect(
      run({ label_selector: 'app=web', ns: 'shop', qty: 2 }, context({ kubernetes: { min_ready: 4 } })),
    ).rejects.toThrow(/below min_ready 4/);
    expect(podNames('shop')).toHaveLength(6);
    const allowed = await run(
      { label_selector: 'app=web', ns: 'shop', qty: 3 },
      context({ kubernetes: { max_pods: 2 }, configuration: { faultline_kubernetes: { max_pods: 3 } } }),
    );
    expect(allowed.pods).toHaveLength(3);
    expect(allowed.safety.map((decision) => `${decision.check}:${decision.outcome}`)).toEqual([
      'namespace:allowed',
      'blast-radius:allowed',
    ]);
  });

  it('requires the opt-in label on the pod or its namespace when configured', async () => {
    const ctx = () => context({ kubernetes: { require_opt_in: true } });
    await expect(run({ label_selector: 'app=db', ns: 'shop' }, ctx())).rejects.toThrow(/not opted in/);
    server.store.update('namespaces', undefined, 'shop', (ns) => {
      ns.metadata!.labels = { 'faultline.io/enabled': 'true' };
    });
    expect((await run({ label_selector: 'app=db', ns: 'shop' }, ctx())).pods).toEqual(['db-0']);
    server.store.update('namespaces', undefined, 'shop', (ns) => {
      ns.metadata!.labels = {};
    });
  });
});

describe('pod probes', () => {
  beforeEach(() => {
    seed();
    server.store.put(fakeObjects.pod('job-1', { namespace: 'shop', labels: { app: 'job' }, phase: 'Succeeded' }));
    server.store.put(fakeObjects.pod('job-2', { namespace: 'shop', labels: { app: 'job' }, phase: 'Failed' }));
  });

  it('pods_in_phase / pods_not_in_phase raise or return false', async () => {
    const ctx = context();
    expect(await podsInPhase.run(podsInPhase.arguments.parse({ label_selector: 'app=web', ns: 'shop' }), ctx)).toBe(
      true,
    );
    await expect(
      podsInPhase.run(podsInPhase.arguments.parse({ label_selector: 'app=job', ns: 'shop' }), ctx),
    ).rejects.toThrow(/is in phase 'Succeeded' but should be 'Running'/);
    expect(
      await podsInPhase.run(
        podsInPhase.arguments.parse({ label_selector: 'app=none', ns: 'shop', raise_on_invalid_phase: false }),
        ctx,
      ),
    ).toBe(false);
    expect(
      await podsNotInPhase.run(podsNotInPhase.arguments.parse({ label_selector: 'app=job', ns: 'shop' }), ctx),
    ).toBe(true);
    expect(
      await podsNotInPhase.run(
        podsNotInPhase.arguments.parse({ label_selector: 'app=web', ns: 'shop', raise_on_in_phase: false }),
        ctx,
      ),
    ).toBe(false);
  });

  it('count_pods / count_min_pods / pods_in_conditions', async () => {
    const ctx = context();
    expect(
      await countPods.run(countPods.arguments.parse({ label_selector: 'app in (web,job)', ns: 'shop' }), ctx),
    ).toBe(7);
    expect(
      await countPods.run(countPods.arguments.parse({ label_selector: 'app=job', ns: 'shop', phase: 'Failed' }), ctx),
    ).toBe(1);
    expect(
      await countMinPods.run(
        countMinPods.arguments.parse({ label_selector: 'app=web', ns: 'shop', min_count: 5 }),
        ctx,
      ),
    ).toBe(true);
    expect(
      await countMinPods.run(
        countMinPods.arguments.parse({ label_selector: 'app=web', ns: 'shop', min_count: '6' }),
        ctx,
      ),
    ).toBe(false);
    expect(
      await podsInConditions.run(
        podsInConditions.arguments.parse({
          label_selector: 'app=web',
          ns: 'shop',
          conditions: [{ type: 'Ready', status: 'True' }],
        }),
        ctx,
      ),
    ).toBe(true);
    await expect(
      podsInConditions.run(
        podsInConditions.arguments.parse({
          label_selector: 'app=job',
          ns: 'shop',
          conditions: [{ type: 'Ready', status: 'True' }],
        }),
        ctx,
      ),
    ).rejects.toThrow(/does not match/);
  });

  it('read_pod_logs returns logs per pod, with since and tail parameters sent', async () => {
    server.store.put(fakeObjects.pod('api-0', { namespace: 'shop', labels: { name: 'api' } }));
    server.store.podLogs.set('shop/api-0', 'started\nready\n');
    const logs = await readPodLogs.run(
      readPodLogs.arguments.parse({ name: 'api', ns: 'shop', last: '10m', container_name: 'app' }),
      context(),
    );
    expect(logs).toEqual({ 'api-0': 'started\nready\n' });
    const request = server.requestsMatching('GET', '/pods/api-0/log')[0]!;
    expect(request.query).toMatchObject({ sinceSeconds: '600', container: 'app', timestamps: 'true' });
    expect(server.requestsMatching('GET', /\/namespaces\/shop\/pods$/).at(-1)!.query['labelSelector']).toBe(
      'name in (api)',
    );
  });
});
