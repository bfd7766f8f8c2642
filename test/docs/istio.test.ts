import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { runAgainstCluster } from './run-against-cluster.js';
import { blocksOf, fencedBlocks, tally } from './fenced-blocks.js';
import { wrapFragment } from './wrap-fragment.js';

const blocks = fencedBlocks('docs/istio.md');

describe('docs/istio.md: every example runs as written', () => {
  let cluster: FakeApiServer;
  beforeAll(async () => {
    cluster = await startFakeApiServer({
      objects: [
        fakeObjects.namespace('ecommerce'),
        fakeObjects.virtualService('payment-service-vs', { namespace: 'ecommerce' }),
      ],
    });
  });
  afterAll(() => cluster.close());

  it('has the blocks this test checks, each marked with its role', () => {
    expect(tally(blocks)).toEqual({ runs: 1, fragment: 1, synopsis: 0, illustrative: 0 });
  });

  it('the add_delay_fault method delays payment-service-vs, returns what the doc shows, and is reverted', async () => {
    const { code, stderr, journal } = await runAgainstCluster(
      cluster,
      wrapFragment(blocksOf(blocks, 'fragment')[0]!.code),
    );
    expect(code, stderr).toBe(0);
    const documented = JSON.parse(blocksOf(blocks, 'runs', 'json')[0]!.code) as Record<string, unknown>;
    expect(Object.keys(journal!.run[0].output)).toEqual(Object.keys(documented));
    expect(journal!.run[0].output).toEqual({ ...documented, resourceVersion: expect.any(String) });
    const vs = cluster.store.get('networking.istio.io/virtualservices', 'ecommerce', 'payment-service-vs')!;
    expect((vs.spec as { http: Array<{ fault?: unknown }> }).http[0]!.fault).toBeUndefined();
  }, 60_000);
});
